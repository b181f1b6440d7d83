sub_value = "sub"
