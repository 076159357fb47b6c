"""Problem domain types shared by the judge, the importers and the scrapers."""
