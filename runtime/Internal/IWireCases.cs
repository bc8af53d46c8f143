using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>
/// A wire union's dispatch over its cases, as static members of the struct the generator nests in the union
/// (<c>WireCases</c>): the runtime's window, JSON and view helpers are generic over it, once.
/// </summary>
/// <typeparam name="TUnion">The union interface.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IWireCases<TUnion>
    where TUnion : class
{
    /// <summary>The union's name, for messages.</summary>
    static abstract string UnionName { get; }

    /// <summary>Reads the case <paramref name="tag"/> picks; a tag of no case records <see cref="ProtocolErrorKind.UnknownType"/> when the union has no default case.</summary>
    static abstract bool TryRead(ulong tag, ref WireReader reader, [MaybeNullWhen(false)] out TUnion value);

    /// <summary>
    /// The size of <paramref name="value"/> when it is the case <paramref name="tag"/> picks (for the default case: a tag
    /// no other case has); -1 when it is not.
    /// </summary>
    static abstract int SizeIfCaseOf(ulong tag, TUnion value);

    /// <summary>The default case's record name (<c>[WireCaseDefault]</c>), for messages; null when the union has none.</summary>
    static abstract string? DefaultName { get; }

    /// <summary>
    /// Reads the default case whatever the tag (a <c>[DefaultCaseWhen]</c> guard holds); records
    /// <see cref="ProtocolErrorKind.UnknownType"/> when the union has no default case.
    /// </summary>
    static abstract bool TryReadDefault(ref WireReader reader, [MaybeNullWhen(false)] out TUnion value);

    /// <summary>The size of <paramref name="value"/> when it is the default case's record; -1 when it is not (or the union has none).</summary>
    static abstract int SizeIfDefault(TUnion value);

    /// <summary>Writes <paramref name="value"/>, sized and checked already, by a direct call to its case's writer.</summary>
    static abstract void WriteAfterSize(ref WireWriter writer, TUnion value);

    /// <summary>Reads a case from its JSON form, picked by its <c>kind</c>.</summary>
    static abstract TUnion ReadJson(JsonElement element);
}
