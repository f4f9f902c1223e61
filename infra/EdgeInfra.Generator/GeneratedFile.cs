namespace EdgeInfra.Generator;

/// <summary>A generated source file.</summary>
/// <param name="RelativePath">The path under the output folder, with <c>/</c> separators, e.g. <c>AzureNative/KeyVault/Vault.cs</c>.</param>
/// <param name="Content">The text, with LF line ends.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
