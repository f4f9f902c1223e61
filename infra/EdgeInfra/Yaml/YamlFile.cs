using YamlDotNet.RepresentationModel;

namespace EdgeInfra.Yaml;

/// <summary>Reads YAML files of the Pulumi project (<c>Pulumi.yaml</c>, stack settings).</summary>
internal static class YamlFile
{
    /// <summary>The largest project or stack file read (1 MiB).</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The root mapping of the first document of <paramref name="path"/>, or null when the file has none.</summary>
    /// <exception cref="FormatException">The file is not valid YAML.</exception>
    public static YamlMappingNode? ReadRootMapping(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new FormatException($"{path}: larger than {MaxFileBytes} bytes: a Pulumi project or stack file is small.");
        }

        YamlStream yaml = [];
        using (var reader = File.OpenText(path))
        {
            try
            {
                yaml.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new FormatException($"{path}: not valid YAML: {e.Message}", e);
            }
        }

        return yaml.Documents.Count > 0 ? yaml.Documents[0].RootNode as YamlMappingNode : null;
    }
}
