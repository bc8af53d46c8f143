using System.ComponentModel;

// For generated code; not a stable API.
namespace ProtocolGen.Internal;

/// <summary>
/// <c>ProtocolGen.Internal</c> holds the helpers that generated code calls (bounds and length checks, equality,
/// JSON-free wire reads, view checks, handler defaults). It is for generated code; not a stable API: members change
/// with the generator that calls them, and every type is hidden from completion. Call the generated members instead.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
internal static class NamespaceDoc
{
}
