async def use(lock) -> str:  # unsupported: async def
    async with lock:  # unsupported: async with
        return "locked"
