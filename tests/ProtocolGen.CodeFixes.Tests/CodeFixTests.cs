using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ProtocolGen.CodeFixes.Tests;

/// <summary>
/// Each fix, from the generator's own diagnostic to the declaration that no longer has it. Markup
/// <c>{|PGnnnn:x|}</c> is where the generator reports; a fixed source the generator still objects to fails the test.
/// </summary>
public sealed class CodeFixTests
{
    private const string Prelude = Verify<AddPartialFix>.Prelude;

    [Fact]
    public Task AddPartial_PutsPartialLast_AfterTheOtherModifiers() =>
        Verify<AddPartialFix>.FixAsync(
            Prelude + """
            [Packet(1)]
            public sealed record {|PG0001:Ping|}(uint Id) : Message;
            """,
            Prelude + """
            [Packet(1)]
            public sealed partial record Ping(uint Id) : Message;
            """);

    [Fact]
    public Task AddPartial_WithNoModifiersAfterAttributes_GoesBeforeTheTypeKeyword() =>
        Verify<AddPartialFix>.FixAsync(
            Prelude + """
            /// <summary>A wire structure.</summary>
            [WireStruct]
            record {|PG0001:Point|}(int X, int Y);
            """,
            Prelude + """
            /// <summary>A wire structure.</summary>
            [WireStruct]
            partial record Point(int X, int Y);
            """);

    [Fact]
    public Task AddPartial_ToAnEnclosingTypeWithNoModifiers_KeepsItsDocCommentAndIndentationFirst() =>
        Verify<AddPartialFix>.FixAsync(
            Prelude + """
            namespace Demo
            {
                /// <summary>Holds the structure.</summary>
                class Outer
                {
                    [WireStruct]
                    public partial record {|PG0001:Point|}(int X, int Y);
                }
            }
            """,
            Prelude + """
            namespace Demo
            {
                /// <summary>Holds the structure.</summary>
                partial class Outer
                {
                    [WireStruct]
                    public partial record Point(int X, int Y);
                }
            }
            """);

    [Fact]
    public Task AddPartial_FixAllInDocument_FixesBothDeclarations() =>
        Verify<AddPartialFix>.FixAsync(
            Prelude + """
            [Packet(1)]
            public sealed record {|PG0001:Ping|}(uint Id) : Message;

            [Packet(2)]
            public sealed record {|PG0001:Pong|}(uint Id) : Message;
            """,
            Prelude + """
            [Packet(1)]
            public sealed partial record Ping(uint Id) : Message;

            [Packet(2)]
            public sealed partial record Pong(uint Id) : Message;
            """,
            test => test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck);

    [Fact]
    public Task MoveRestOfFrameLast_MovesTheParameter_AndKeepsEachPositionsLayout() =>
        Verify<MoveRestOfFrameLastFix>.FixAsync(
            Prelude + """
            [Packet(1)]
            public sealed partial record Log(
                [RestOfFrame] string {|PG0008:Text|},
                uint Level) : Message;
            """,
            Prelude + """
            [Packet(1)]
            public sealed partial record Log(
                uint Level,
                [RestOfFrame] string Text) : Message;
            """);

    [Fact]
    public Task MoveRestOfFrameLast_IsNotOffered_WhenALaterParameterHasADefault_WhichARequiredOneCannotFollow() =>
        Verify<MoveRestOfFrameLastFix>.FixAsync(
            Prelude + """
            [Packet(1)]
            public sealed partial record Log([RestOfFrame] string {|PG0008:Text|}, uint Level = 0) : Message;
            """,
            Prelude + """
            [Packet(1)]
            public sealed partial record Log([RestOfFrame] string {|PG0008:Text|}, uint Level = 0) : Message;
            """);

    [Fact]
    public async Task MoveRestOfFrameLast_TitleSaysCallersChange()
    {
        var test = new Verify<MoveRestOfFrameLastFix>
        {
            TestCode = Prelude + """
                [Packet(1)]
                public sealed partial record Log([RestOfFrame] byte[] {|PG0008:Data|}, uint Level) : Message;
                """,
            FixedCode = Prelude + """
                [Packet(1)]
                public sealed partial record Log(uint Level, [RestOfFrame] byte[] Data) : Message;
                """,
            CodeActionEquivalenceKey = nameof(MoveRestOfFrameLastFix),
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Move 'Data' last (changes the constructor's parameter order: callers change)", action.Title),
        };

        await test.RunAsync();
    }

    [Fact]
    public Task MakeUnionRootAbstract_AddsAbstractBeforePartial() =>
        Verify<MakeUnionRootAbstractFix>.FixAsync(
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public partial record {|PG0015:Command|};

            [Packet(1)]
            public sealed partial record Stop : Command;
            """,
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public abstract partial record Command;

            [Packet(1)]
            public sealed partial record Stop : Command;
            """);

    [Fact]
    public Task MakeUnionRootAbstract_AtModifierIndexZero_TakesOverTheIndentation() =>
        Verify<MakeUnionRootAbstractFix>.FixAsync(
            """
            using ProtocolGen;

            public static partial class Outer
            {
                [ProtocolUnion(FrameFormat.TypeOnly)]
                partial record {|PG0015:Command|};

                [Packet(1)]
                sealed partial record Stop : Command;
            }
            """,
            """
            using ProtocolGen;

            public static partial class Outer
            {
                [ProtocolUnion(FrameFormat.TypeOnly)]
                abstract partial record Command;

                [Packet(1)]
                sealed partial record Stop : Command;
            }
            """);

    [Fact]
    public Task MakeUnionRootAbstract_ReplacesSealed() =>
        Verify<MakeUnionRootAbstractFix>.FixAsync(
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public sealed partial record {|PG0015:Command|};
            """,
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public abstract partial record {|PG0011:Command|};
            """);

    [Fact]
    public Task MakeUnionRootAbstract_IsNotOfferedForAClass_WhichNeedsRewritingAsARecord() =>
        Verify<MakeUnionRootAbstractFix>.FixAsync(
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public partial class {|PG0015:Command|}
            {
            }
            """,
            """
            using ProtocolGen;

            [ProtocolUnion(FrameFormat.TypeOnly)]
            public partial class {|PG0015:Command|}
            {
            }
            """);
}
