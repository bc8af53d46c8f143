using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProtocolGen.Json;
using ProtocolGen.Wire;

// For generated code; not a stable API (see Internal/NamespaceDoc.cs).
namespace ProtocolGen.Internal;

/// <summary>What generated records call for a <c>[Switch]</c> member: windows, the encode check, JSON and views.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireCases
{
    /// <summary>The size of the case a record holds, checked against its selector: a null, or a case the selector does not pick, throws.</summary>
    /// <typeparam name="TUnion">The union.</typeparam>
    /// <typeparam name="TCases">The union's dispatch class.</typeparam>
    /// <typeparam name="TSelector">The selector's type, so the message says its value as that type does.</typeparam>
    /// <param name="value">The case.</param>
    /// <param name="tag">The selector's value as the 64-bit tag cases are compared by.</param>
    /// <param name="selectorValue">The selector's value, for the message only (formatted when throwing).</param>
    /// <param name="field">The member's wire name.</param>
    /// <param name="selector">The selector's wire name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Size<TUnion, TCases, TSelector>(TUnion? value, ulong tag, TSelector selectorValue, string field, string selector)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion>
    {
        if (value is null)
        {
            throw WireEncodeException.Null(field);
        }

        // One type test picks the case, checks it against the tag and sizes it with a direct call.
        var size = TCases.SizeIfCaseOf(tag, value);
        if (size < 0)
        {
            ThrowCaseMismatch(field, value.GetType().Name, selector, selectorValue, TCases.UnionName);
        }

        return size;
    }

    // Cold: the message is built, and the selector's value boxed, only when the case does not match.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCaseMismatch<TSelector>(string field, string caseName, string selector, TSelector selectorValue, string union) =>
        throw WireEncodeException.CaseMismatch(field, caseName, selector, WireConditions.Describe(selectorValue), union);

    /// <summary>
    /// The size of the case a record holds while one of its <c>[DefaultCaseWhen]</c> guards holds: a null, or any record
    /// but the union's default case, throws naming the member, its case, the guard's selector and value, and the default.
    /// Generated code calls it only when the guard holds, and <see cref="Size"/> otherwise.
    /// </summary>
    /// <typeparam name="TUnion">The union.</typeparam>
    /// <typeparam name="TCases">The union's dispatch class.</typeparam>
    /// <typeparam name="TGuard">The guard's selector's type, so the message says its value as that type does.</typeparam>
    /// <param name="value">The case.</param>
    /// <param name="field">The member's wire name.</param>
    /// <param name="guard">The wire name of the selector of the guard that holds.</param>
    /// <param name="guardValue">That selector's value, for the message only (formatted when throwing).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SizeOfDefault<TUnion, TCases, TGuard>(TUnion? value, string field, string guard, TGuard guardValue)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion>
    {
        if (value is null)
        {
            throw WireEncodeException.Null(field);
        }

        var size = TCases.SizeIfDefault(value);
        if (size < 0)
        {
            ThrowNotDefault(field, value.GetType().Name, guard, guardValue, TCases.UnionName, TCases.DefaultName);
        }

        return size;
    }

    // Cold: the message is built, and the guard's value boxed, only when the case is not the default.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotDefault<TGuard>(string field, string caseName, string guard, TGuard guardValue, string union, string? defaultName) =>
        throw WireEncodeException.NotDefaultCase(field, caseName, guard, WireConditions.Describe(guardValue), union, defaultName);

    /// <summary>The pseudo-header a <c>[PseudoHeader]</c> member's case adds; a length IPv4 cannot say (from hostile input) gives a sum no checksum matches.</summary>
    public static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, int length) =>
        Checksums.PseudoHeader(source, destination, protocol, length, checkLength: false);

    /// <summary>The pseudo-header a <c>[PseudoHeader]</c> member's case adds, over IPv6 addresses.</summary>
    public static ulong PseudoHeader(Ipv6Address source, Ipv6Address destination, byte protocol, int length) =>
        Checksums.PseudoHeader(source, destination, protocol, length, checkLength: false);

    /// <summary>Writes a case <see cref="Size"/> checked, calling its record directly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteAfterSize<TUnion, TCases>(ref WireWriter writer, TUnion value)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion> => TCases.WriteAfterSize(ref writer, value);

    /// <summary>
    /// Writes a case <see cref="Size"/> checked with the pseudo-header of <paramref name="source"/>,
    /// <paramref name="destination"/> and <paramref name="protocol"/> as its checksum seed, restoring the writer's own
    /// after. The case adds its own length (<see cref="WireWriter.PseudoHeaderFor"/>) once written, so it is sized once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteAfterSize<TUnion, TCases>(ref WireWriter writer, TUnion value, Ipv4Address source, Ipv4Address destination, byte protocol)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion> =>
        WriteWithSeed<TUnion, TCases>(ref writer, value, PseudoHeader(source, destination, protocol, 0));

    /// <summary>As the IPv4 overload, over IPv6 addresses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteAfterSize<TUnion, TCases>(ref WireWriter writer, TUnion value, Ipv6Address source, Ipv6Address destination, byte protocol)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion> =>
        WriteWithSeed<TUnion, TCases>(ref writer, value, PseudoHeader(source, destination, protocol, 0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteWithSeed<TUnion, TCases>(ref WireWriter writer, TUnion value, ulong withoutLength)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion>
    {
        var (outer, outerLacksLength) = (writer.PseudoHeader, writer.PseudoHeaderLacksLength);
        writer.SetPseudoHeader(withoutLength, lacksLength: true);
        TCases.WriteAfterSize(ref writer, value);
        writer.SetPseudoHeader(outer, outerLacksLength);
    }

    /// <summary>Reads the case in the property <paramref name="name"/> of a record's JSON form.</summary>
    public static TUnion GetJson<TUnion, TCases>(JsonElement element, string name)
        where TUnion : class
        where TCases : IWireCases<TUnion>
    {
        if (!element.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.Object)
        {
            throw new WireJsonException(name, "must be an object naming its case in \"kind\"");
        }

        try
        {
            return TCases.ReadJson(property);
        }
        catch (WireJsonException e)
        {
            throw e.Within(name);
        }
    }

    /// <summary>Reads one case from its JSON form (the union's <c>ReadJson</c> picked it by its kind).</summary>
    public static T ReadCase<T>(JsonElement element)
        where T : IWireJson<T> => T.ReadJson(element);

    /// <summary>A kind no case of the union has.</summary>
    public static WireJsonException UnknownKind(string kind, string union) =>
        new(WireJson.KindProperty, $"'{kind}' is not a case of {union}");
}
