async def wait_for(task) -> int:  # unsupported: async def
    result = await task  # unsupported: await
    return result + 1
