async def fetch(n: int) -> int:  # unsupported: async def
    return n * 2


print("defined")
