using System.IO;
using System.Linq;
using System.Reflection;

namespace ProtocolGen.Generator.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read: their own project, its snapshots, the Portmaster schema.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    public static string Snapshots => Path.Combine(ProjectDirectory, "Snapshots");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string Schema => Path.Combine(RepositoryRoot, "schema");
}
