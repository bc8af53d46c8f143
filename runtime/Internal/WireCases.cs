using System.ComponentModel;
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
    public static int Size<TUnion, TCases>(TUnion? value, ulong tag, string field, string selector)
        where TUnion : class, IWireWritable
        where TCases : IWireCases<TUnion>
    {
        if (value is null)
        {
            throw WireEncodeException.Null(field);
        }

        if (!TCases.IsCaseOf(tag, value))
        {
            throw WireEncodeException.CaseMismatch(field, value.GetType().Name, selector, tag, TCases.UnionName);
        }

        return value.WireSize;
    }

    /// <summary>The pseudo-header a <c>[PseudoHeader]</c> member's case adds; a length IPv4 cannot say (from hostile input) gives a sum no checksum matches.</summary>
    public static ulong PseudoHeader(Ipv4Address source, Ipv4Address destination, byte protocol, int length) =>
        Checksums.PseudoHeader(source, destination, protocol, length, checkLength: false);

    /// <summary>The pseudo-header a <c>[PseudoHeader]</c> member's case adds, over IPv6 addresses.</summary>
    public static ulong PseudoHeader(Ipv6Address source, Ipv6Address destination, byte protocol, int length) =>
        Checksums.PseudoHeader(source, destination, protocol, length, checkLength: false);

    /// <summary>Writes a case with <paramref name="pseudoHeader"/> as its checksum seed, restoring the writer's own after.</summary>
    public static void WriteAfterSize<TUnion>(ref WireWriter writer, TUnion value, ulong pseudoHeader)
        where TUnion : class, IWireWritable
    {
        var outer = writer.PseudoHeader;
        writer.SetPseudoHeader(pseudoHeader);
        value.WriteAfterSize(ref writer);
        writer.SetPseudoHeader(outer);
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
