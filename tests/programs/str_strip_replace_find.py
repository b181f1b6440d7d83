s = "xxhello worldxx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"), "  pad  ".strip(), "|" + "  pad  ".lstrip() + "|", "|" + "  pad  ".rstrip() + "|")
print("\t\n spaces \n".strip(), "abcba".strip("ab"))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.replace("xx", ""), "aaa".replace("a", "bb"))
print(s.find("o"), s.rfind("o"), s.find("z"), s.rfind("z"), s.find("o", 7), s.find("l", 2, 5))
print(s.index("w"), s.rindex("l"), s.count("x"), s.count("l"), "aaaa".count("aa"), s.count(""))
print(s.startswith("xx"), s.endswith("xx"), s.startswith("he", 2), s.startswith(("a", "b", "x")))
print("file.py".endswith((".py", ".txt")), "file.rs".endswith((".py", ".txt")))
print("hello" in s, "hw" in s, "" in s, "x" not in s)
path = "/usr/local/bin/python3"
print(path.partition("/"), path.rpartition("/"), path.partition("@"), path.rpartition("@"))
print(path.removeprefix("/usr"), path.removesuffix("3"), path.removesuffix("zz"))
