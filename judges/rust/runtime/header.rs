#![allow(unused, dead_code, non_snake_case, non_camel_case_types)]
use std::cell::RefCell;
use std::collections::*;
use std::rc::Rc;
