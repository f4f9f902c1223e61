using YamlDotNet.RepresentationModel;

namespace EdgeInfra;

/// <summary>The Pulumi project a program belongs to: the folder of its <c>Pulumi.yaml</c> and the project name.</summary>
/// <param name="Directory">The folder holding <c>Pulumi.yaml</c>.</param>
/// <param name="Name">The project name.</param>
public sealed record ProjectFile(string Directory, string Name)
{
    /// <summary>The project whose <c>Pulumi.yaml</c> is in <paramref name="start"/> or the nearest folder above it.</summary>
    /// <exception cref="FileNotFoundException">No folder up from <paramref name="start"/> has a <c>Pulumi.yaml</c>.</exception>
    /// <exception cref="FormatException">The <c>Pulumi.yaml</c> has no <c>name</c>.</exception>
    public static ProjectFile Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "Pulumi.yaml");
            if (File.Exists(path))
            {
                return new ProjectFile(directory.FullName, ReadName(path));
            }
        }

        throw new FileNotFoundException($"No Pulumi.yaml in {start} or any folder above it: run the program inside a Pulumi project.");
    }

    /// <summary>The settings file of <paramref name="stack"/>: <c>Pulumi.&lt;stack&gt;.yaml</c> beside <c>Pulumi.yaml</c>.</summary>
    public string StackFile(string stack) => Path.Combine(Directory, $"Pulumi.{stack}.yaml");

    private static string ReadName(string path)
    {
        if (Yaml.YamlFile.ReadRootMapping(path) is { } root
            && root.Children.TryGetValue(new YamlScalarNode("name"), out var name)
            && name is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        throw new FormatException($"{path}: the project has no 'name'.");
    }
}
