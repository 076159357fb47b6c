// contest-eval C++ runtime: TreeNode, only embedded when the problem's
// signature uses it (a submission may define its own TreeNode otherwise).
// The struct is LeetCode's definition, verbatim in shape and constructors.

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace ce_judge_rt {

template <>
struct Decodable<TreeNode*> : std::true_type {};

// Wire form: LeetCode level order.  Children are handed out pairwise to the
// non-null nodes in queue order, so `null` holes have no children slots.
template <>
struct Codec<TreeNode*> {
  static TreeNode* read(Reader& in) {
    std::vector<std::optional<int>> vals;
    in.expect('[');
    if (!in.try_consume(']')) {
      do {
        in.skip_ws();
        if (in.peek() == 'n') {
          in.keyword("null");
          vals.emplace_back();
        } else {
          vals.emplace_back(Codec<int>::read(in));
        }
      } while (in.try_consume(','));
      in.expect(']');
    }
    if (vals.empty() || !vals[0]) return nullptr;
    TreeNode* root = new TreeNode(*vals[0]);
    std::deque<TreeNode*> queue{root};
    std::size_t i = 1;
    while (i < vals.size() && !queue.empty()) {
      TreeNode* node = queue.front();
      queue.pop_front();
      if (vals[i]) queue.push_back(node->left = new TreeNode(*vals[i]));
      if (++i < vals.size() && vals[i]) queue.push_back(node->right = new TreeNode(*vals[i]));
      ++i;
    }
    return root;
  }
  static void write(std::string& o, const TreeNode* root) {
    std::vector<const TreeNode*> order{root};
    if (!root) order.clear();
    for (std::size_t i = 0; i < order.size(); ++i)
      if (order[i]) {
        order.push_back(order[i]->left);
        order.push_back(order[i]->right);
      }
    while (!order.empty() && !order.back()) order.pop_back();  // trailing nulls
    o.push_back('[');
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i) o.push_back(',');
      if (order[i]) put_int(o, order[i]->val);
      else o += "null";
    }
    o.push_back(']');
  }
};

}  // namespace ce_judge_rt
