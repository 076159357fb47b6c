// LeetCode's definition, verbatim in shape: user code relies on these exact
// fields and constructors (it is shown commented out above every template).
public class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
