using System.Linq;
using ProtocolGen.Fuzz.Tests.Mutation;
using ProtocolGen.Portmaster;
using Xunit;

namespace ProtocolGen.Fuzz.Tests;

/// <summary>The reference model's command sizes are protocol.md's; the generated layouts must state the same.</summary>
public sealed class CommandSizeTests
{
    [Fact]
    public void TheGeneratedCommandLayouts_HaveTheBodySizesOfProtocolMd()
    {
        var layouts = Command.Layouts.ToDictionary(l => l.PacketType, l => (l.IsFixedSize, l.MinSize));

        Assert.Equal(ReferenceModel.CommandBodySizes.Keys.Order(), layouts.Keys.Order());
        foreach (var (type, size) in ReferenceModel.CommandBodySizes)
        {
            Assert.Equal((true, size), layouts[type]);
        }
    }
}
