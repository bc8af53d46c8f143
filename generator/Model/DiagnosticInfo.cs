using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ProtocolGen.Generator.Model;

/// <summary>
/// A diagnostic as plain values, so it can travel through the cached pipeline: its descriptor from the catalogue,
/// where, and the message arguments. Two are equal when they have the same descriptor (by id: the catalogue holds
/// one descriptor per id), the same location and the same arguments.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs) =>
        new(descriptor, LocationInfo.From(location), messageArgs.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor, location, messageArgs.ToEquatableArray());

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArgs.ToArray<object>());

    public bool Equals(DiagnosticInfo? other) =>
        other is not null
        && string.Equals(Descriptor.Id, other.Descriptor.Id, StringComparison.Ordinal)
        && Equals(Location, other.Location)
        && MessageArgs.Equals(other.MessageArgs);

    public override int GetHashCode() => ((StringComparer.Ordinal.GetHashCode(Descriptor.Id) * 31) + (Location?.GetHashCode() ?? 0)) * 31 + MessageArgs.GetHashCode();
}
