using System;

namespace ProtocolGen;

/// <summary>
/// The field's name outside C# (JSON, layouts, docs). Without it, the member's name in snake_case
/// (<c>ProcessId</c> is <c>process_id</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false)]
public sealed class WireNameAttribute : Attribute
{
    /// <summary>Names the field <paramref name="name"/> outside C#.</summary>
    public WireNameAttribute(string name) => Name = name;

    /// <summary>The field's name outside C#.</summary>
    public string Name { get; }
}
