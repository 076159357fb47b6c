"""Judge images: built locally, tagged by the hash of their recipe.

With no registry (air-gapped hosts, our CI) the base root file system is
bootstrapped from the Debian mirror with ``debootstrap`` and imported; each
language image is then its ``judges/<lang>/Dockerfile`` built on that base.
With a registry, the same Dockerfiles build on the official base named in
``judges/base/recipe.toml``.  A tag that already exists is never rebuilt, so
``images build`` is idempotent and cheap when nothing changed.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tempfile
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from contest_eval.judge.assets import judges_dir
from contest_eval.languages import LANGUAGES, load_language

REPO = "contest-eval"
Progress = Callable[[str], None]


class ImageError(RuntimeError):
    """An image is missing or could not be built."""


@dataclass(frozen=True)
class ImageInfo:
    language: str
    tag: str
    present: bool
    digest: str = ""
    size_mb: float = 0.0
    version: str = ""
    # language.toml [environment]: LeetCode's documented environment, ours, the
    # differences and where LeetCode documents it.
    environment: dict[str, str] = field(default_factory=dict)


def base_recipe() -> dict[str, Any]:
    return tomllib.loads((judges_dir() / "base" / "recipe.toml").read_text(encoding="utf-8"))


def base_hash() -> str:
    return hashlib.sha256((judges_dir() / "base" / "recipe.toml").read_bytes()).hexdigest()[:16]


def base_tag() -> str:
    return f"{REPO}/base:{base_hash()}"


def image_tag(language: str) -> str:
    return f"{REPO}/judge-{language}:{load_language(language).recipe_hash(base_hash())}"


def _exists(client: Any, tag: str) -> Any | None:
    import docker

    try:
        return client.images.get(tag)
    except docker.errors.ImageNotFound:
        return None


def build_base(client: Any, progress: Progress, from_registry: bool = False) -> str:
    recipe = base_recipe()
    if from_registry:
        return str(recipe["registry_base"])
    tag = base_tag()
    if _exists(client, tag):
        progress(f"base {tag} present")
        return tag
    if shutil.which("debootstrap") is None:
        raise ImageError("debootstrap is not installed (apt-get install debootstrap), or pass --from-registry")
    with tempfile.TemporaryDirectory(prefix="ce-rootfs-") as tmp:
        rootfs = Path(tmp) / "rootfs"
        cmd = ["debootstrap", f"--variant={recipe['variant']}", "--include=" + ",".join(recipe.get("include", [])),
               str(recipe["suite"]), str(rootfs), str(recipe["mirror"])]
        progress("debootstrap " + " ".join(cmd[1:]))
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["(no output)"]
            raise ImageError(f"debootstrap failed ({proc.returncode}): {tail[0]}")
        # apt caches and logs are not part of a reproducible base.
        for junk in ("var/cache/apt/archives", "var/lib/apt/lists", "var/log"):
            shutil.rmtree(rootfs / junk, ignore_errors=True)
            (rootfs / junk).mkdir(parents=True, exist_ok=True)
        tar = Path(tmp) / "rootfs.tar"
        progress("importing root file system")
        subprocess.run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(tar), "."], check=True)
        client.api.import_image_from_file(str(tar), repository=f"{REPO}/base", tag=base_hash(),
                                          changes=['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
                                                   'CMD ["/bin/bash"]'])
    if not _exists(client, tag):
        raise ImageError(f"import of {tag} did not produce an image")
    progress(f"base {tag} built")
    return tag


def _stream_build(client: Any, progress: Progress, **kwargs: Any) -> None:
    for chunk in client.api.build(decode=True, rm=True, forcerm=True, **kwargs):
        if "error" in chunk:
            raise ImageError(f"build of {kwargs.get('tag')} failed: {str(chunk['error']).strip()}")
        line = str(chunk.get("stream", "")).strip()
        if line.startswith("Step "):
            progress(line)


def _version(client: Any, tag: str, language: str) -> str:
    cmd = list(load_language(language).version)
    if not cmd:
        return ""
    out = client.containers.run(tag, cmd, remove=True, network_mode="none", user="10001:10001", stderr=True)
    return out.decode("utf-8", "replace").strip().splitlines()[0][:120] if out.strip() else ""


def build_language(client: Any, language: str, progress: Progress, from_registry: bool = False) -> str:
    tag = image_tag(language)
    if _exists(client, tag):
        progress(f"{language}: {tag} present")
        return tag
    base = build_base(client, progress, from_registry)
    stage = f"{REPO}/judge-{language}:building"
    progress(f"{language}: building on {base}")
    _stream_build(client, progress, path=str(judges_dir() / language), tag=stage, buildargs={"BASE": base},
                  pull=from_registry)
    version = _version(client, stage, language)
    # Record the toolchain version as a label: `images list` then needs no container.
    dockerfile = f'FROM {stage}\nLABEL contest-eval.language="{language}" contest-eval.version="{version.replace(chr(34), "")}"\n'
    _stream_build(client, progress, fileobj=io.BytesIO(dockerfile.encode()), tag=tag)
    client.images.remove(stage, noprune=True)
    progress(f"{language}: built {tag} ({version})")
    return tag


def build_images(client: Any, languages: Iterable[str], progress: Progress, from_registry: bool = False) -> list[str]:
    return [build_language(client, lang, progress, from_registry) for lang in languages]


def list_images(client: Any, languages: Iterable[str] = LANGUAGES) -> list[ImageInfo]:
    out = []
    for lang in languages:
        tag = image_tag(lang)
        env = dict(load_language(lang).environment)
        img = _exists(client, tag)
        if img is None:
            out.append(ImageInfo(lang, tag, False, environment=env))
            continue
        labels = img.labels or {}
        out.append(ImageInfo(lang, tag, True, img.id, round(img.attrs.get("Size", 0) / 1e6, 1),
                             labels.get("contest-eval.version", ""), env))
    return out


def require_image(client: Any, language: str) -> tuple[str, str]:
    """The tag and digest to judge with, or a one-line error naming the fix."""
    tag = image_tag(language)
    img = _exists(client, tag)
    if img is None:
        raise ImageError(f"judge image {tag} is not built; run: contest-eval judge images build --lang {language}")
    return tag, img.id
