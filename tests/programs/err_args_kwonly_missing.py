def connect(host, *, port, timeout=5):
    return host + ":" + str(port)

print(connect("h", port=1))
g = connect
g("h")
