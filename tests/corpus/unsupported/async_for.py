async def total(stream) -> int:  # unsupported: async def
    acc = 0
    async for x in stream:  # unsupported: async for
        acc += x
    return acc
