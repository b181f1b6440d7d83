data = list(range(10))
print(data[2:5], data[:3], data[7:], data[-3:], data[:-7])
print(data[::3], data[1::2], data[::-1], data[8:2:-2], data[-1:-4:-1])
print(data[100:], data[5:2], data[-100:2])

text = "abcdefghij"
print(text[2:5], text[::-1], text[::2], text[-4:-1], text[4:4] == "")

buf = list(range(6))
buf[1:3] = [10, 20, 30]
print(buf)
buf[::2] = [0, 0, 0, 0]
print(buf)
del buf[1:3]
print(buf)
del buf[::2]
print(buf)

t = (1, 2, 3, 4, 5)
print(t[1:4], t[::-2])


def chunks(seq: list, size: int) -> list:
    return [seq[i:i + size] for i in range(0, len(seq), size)]


print(chunks(data, 4))
print(chunks(list("abcdefg"), 3))
first_half = data[:len(data) // 2]
second_half = data[len(data) // 2:]
print(first_half + second_half == data)
