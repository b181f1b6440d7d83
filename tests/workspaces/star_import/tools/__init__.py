__all__ = ["sub", "tools_name"]
tools_name = "tools"
