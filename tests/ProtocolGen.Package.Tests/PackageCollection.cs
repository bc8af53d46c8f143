using Xunit;

namespace ProtocolGen.Package.Tests;

/// <summary>Shares one packing of the packages among the test classes that inspect or consume them.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
