namespace ProtocolGen.Generator.Model;

/// <summary>
/// Where a partial type lives and how to reopen it: its namespace, the types it is nested in (outermost
/// first), and its own declaration keyword and name.
/// </summary>
internal sealed record TypeDeclarationInfo(
    string? Namespace,
    EquatableArray<ContainingTypeInfo> ContainingTypes,
    string Keyword,
    string Name,
    string FullyQualifiedName)
{
    /// <summary>A stable, unique hint-name stem: the metadata-style full name.</summary>
    public string HintName
    {
        get
        {
            var prefix = Namespace is null ? string.Empty : Namespace + ".";
            foreach (var containing in ContainingTypes)
            {
                prefix += containing.Name + ".";
            }

            return prefix + Name;
        }
    }
}

/// <summary>A type that encloses a generated type, reopened as partial around it.</summary>
internal sealed record ContainingTypeInfo(string Keyword, string Name);
