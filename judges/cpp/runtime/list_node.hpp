// contest-eval C++ runtime: ListNode, only embedded when the problem's
// signature uses it (a submission may define its own ListNode otherwise).
// The struct is LeetCode's definition, verbatim in shape and constructors.

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

namespace ce_judge_rt {

template <>
struct Decodable<ListNode*> : std::true_type {};

// Wire form: array of values, [] for nullptr.  Nodes are never freed, as on
// LeetCode: the submission may keep or splice them.
template <>
struct Codec<ListNode*> {
  static ListNode* read(Reader& in) {
    std::vector<int> vals = Codec<std::vector<int>>::read(in);
    ListNode* head = nullptr;
    for (std::size_t i = vals.size(); i-- > 0;) head = new ListNode(vals[i], head);
    return head;
  }
  static void write(std::string& o, const ListNode* head) {
    o.push_back('[');
    for (const ListNode* p = head; p; p = p->next) {
      if (p != head) o.push_back(',');
      put_int(o, p->val);
    }
    o.push_back(']');
  }
};

}  // namespace ce_judge_rt
