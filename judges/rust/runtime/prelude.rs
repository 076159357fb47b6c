// Items LeetCode's Rust environment declares before the submission, which
// lives in `mod user` and sees them through a glob import (so that its own
// `use` lines shadow the imports in header.rs instead of colliding, E0252).
// Rendered after the submission: item order is irrelevant in Rust, and this
// keeps compiler messages' line numbers close to the submission's own.
pub struct Solution;

#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i32,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        ListNode { next: None, val }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i32,
    pub left: Option<Rc<RefCell<TreeNode>>>,
    pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
    #[inline]
    pub fn new(val: i32) -> Self {
        TreeNode { val, left: None, right: None }
    }
}
