données = {"clé": 1}
print(données["clé"])
print("résultat:", données["clé"] / (données["clé"] - 1))
