using System;
using System.IO;

namespace ProtocolGen.Tests.Shared;

/// <summary>
/// The repository a test assembly was built from: the nearest folder above the test's output that holds
/// ProtocolGen.sln. One source file, linked into each test project that reads repository files.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The text of <paramref name="relativePath"/>, a path from the repository's root.</summary>
    public static string ReadFile(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ProtocolGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ProtocolGen.sln above {AppContext.BaseDirectory}.");
    }
}
