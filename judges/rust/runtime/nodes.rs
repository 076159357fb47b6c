// ListNode/TreeNode codecs, spliced into `user::__judge` only for problems whose
// signature mentions them. They name the types through `use super::*`, so a
// submission that pastes LeetCode's definitions (shadowing the harness's) still
// links up; one that defines an unrelated `ListNode` for its own use is not
// affected on problems that do not need ours.
type __Tree = Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>;

impl crate::__rt::FromJson for Option<Box<ListNode>> {
    fn from_json(v: &crate::__rt::Json) -> Self {
        let mut head: Option<Box<ListNode>> = None;
        for x in crate::__rt::items(v).iter().rev() {
            head = Some(Box::new(ListNode { val: crate::__rt::FromJson::from_json(x), next: head }));
        }
        head
    }
}

impl crate::__rt::ToJson for Option<Box<ListNode>> {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        let mut cur = self.as_ref();
        let mut first = true;
        while let Some(n) = cur {
            if !first {
                out.push(',');
            }
            first = false;
            crate::__rt::ToJson::write_json(&n.val, out);
            cur = n.next.as_ref();
        }
        out.push(']');
    }
}

impl crate::__rt::Dispose for Option<Box<ListNode>> {
    fn dispose(self) {
        let mut cur = self;
        while let Some(mut n) = cur {
            cur = n.next.take();
        }
    }
}

fn __tree_node(v: &crate::__rt::Json) -> __Tree {
    match v {
        crate::__rt::Json::Null => None,
        _ => Some(std::rc::Rc::new(std::cell::RefCell::new(TreeNode {
            val: crate::__rt::FromJson::from_json(v),
            left: None,
            right: None,
        }))),
    }
}

impl crate::__rt::FromJson for __Tree {
    // LeetCode level order: children are handed out pairwise to the non-null
    // nodes in the order they were created.
    fn from_json(v: &crate::__rt::Json) -> Self {
        let vals = crate::__rt::items(v);
        let root = match vals.first() {
            Some(x) => __tree_node(x),
            None => return None,
        };
        let mut queue = std::collections::VecDeque::new();
        queue.extend(root.clone());
        let mut i = 1;
        while i < vals.len() {
            let parent = match queue.pop_front() {
                Some(p) => p,
                None => break,
            };
            let left = __tree_node(&vals[i]);
            queue.extend(left.clone());
            parent.borrow_mut().left = left;
            i += 1;
            if i < vals.len() {
                let right = __tree_node(&vals[i]);
                queue.extend(right.clone());
                parent.borrow_mut().right = right;
                i += 1;
            }
        }
        root
    }
}

impl crate::__rt::ToJson for __Tree {
    fn write_json(&self, out: &mut String) {
        let mut vals: Vec<Option<i32>> = Vec::new();
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(self.clone());
        while let Some(node) = queue.pop_front() {
            match node {
                Some(n) => {
                    let n = n.borrow();
                    vals.push(Some(n.val));
                    queue.push_back(n.left.clone());
                    queue.push_back(n.right.clone());
                }
                None => vals.push(None),
            }
        }
        while let Some(None) = vals.last() {
            vals.pop();
        }
        out.push('[');
        for (i, x) in vals.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match x {
                Some(v) => crate::__rt::ToJson::write_json(v, out),
                None => out.push_str("null"),
            }
        }
        out.push(']');
    }
}

impl crate::__rt::Dispose for __Tree {
    fn dispose(self) {
        let mut stack = vec![self];
        while let Some(t) = stack.pop() {
            // Only dismantle nodes nobody else holds: a design object may keep
            // references into a tree it returned.
            if let Some(rc) = t {
                if let Ok(cell) = std::rc::Rc::try_unwrap(rc) {
                    let mut n = cell.into_inner();
                    stack.push(n.left.take());
                    stack.push(n.right.take());
                }
            }
        }
    }
}
