class Config:
    DEFAULT_PORT = 8080
    DEFAULT_HOST = "localhost"

print(Config.DEFAULT_PORT)
print(Config.DEFAULT_HOTS)
