using ProtocolGen.Fuzz.Tests.Mutation;
using ProtocolGen.Fuzz.Tests.Seeds;
using ProtocolGen.Portmaster;
using Xunit;
using Xunit.Abstractions;

namespace ProtocolGen.Fuzz.Tests;

// One class per union and seed, so that xunit runs them side by side on the machine's cores.

/// <summary>Mutated info streams (frames with lengths), from the fixed seed.</summary>
public sealed class InfoMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedInfoStreams_FromTheFixedSeed_GiveOnlyTypedErrors_KeepEveryIntactFrame_AndAgreeOnEveryPath()
    {
        var report = new MutationRun<Info>(SeedFrames<Info>.Infos, hasLength: true).Run(FuzzSettings.FixedSeed, FuzzSettings.FixedCases, FuzzSettings.OnlyCase);

        output.WriteLine($"seed {FuzzSettings.FixedSeed}: {report}");
        Assert.True(report.IntactFrames > report.Cases, report.ToString());
    }
}

/// <summary>Mutated info streams, from a seed drawn for this run (printed on failure).</summary>
public sealed class InfoRandomSeedMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedInfoStreams_FromARandomSeed_GiveOnlyTypedErrors_KeepEveryIntactFrame_AndAgreeOnEveryPath()
    {
        var report = new MutationRun<Info>(SeedFrames<Info>.Infos, hasLength: true).Run(FuzzSettings.RandomSeed, FuzzSettings.RandomCases, FuzzSettings.OnlyCase);

        output.WriteLine($"seed {FuzzSettings.RandomSeed}: {report}");
        Assert.True(report.Cases > 0);
    }
}

/// <summary>Mutated command streams (frames without lengths), from the fixed seed.</summary>
public sealed class CommandMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedCommandStreams_FromTheFixedSeed_GiveOnlyTypedErrors_KeepEveryIntactFrame_AndAgreeOnEveryPath()
    {
        var report = new MutationRun<Command>(SeedFrames<Command>.Commands, hasLength: false).Run(FuzzSettings.FixedSeed, FuzzSettings.FixedCases, FuzzSettings.OnlyCase);

        output.WriteLine($"seed {FuzzSettings.FixedSeed}: {report}");
        Assert.True(report.IntactFrames > report.Cases, report.ToString());
    }
}

/// <summary>Mutated command streams, from a seed drawn for this run (printed on failure).</summary>
public sealed class CommandRandomSeedMutationTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedCommandStreams_FromARandomSeed_GiveOnlyTypedErrors_KeepEveryIntactFrame_AndAgreeOnEveryPath()
    {
        var report = new MutationRun<Command>(SeedFrames<Command>.Commands, hasLength: false).Run(FuzzSettings.RandomSeed, FuzzSettings.RandomCases, FuzzSettings.OnlyCase);

        output.WriteLine($"seed {FuzzSettings.RandomSeed}: {report}");
        Assert.True(report.Cases > 0);
    }
}
