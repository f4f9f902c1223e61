namespace EdgeInfra.Generator.Cli;

/// <summary>How a file on disk differs from what the generator makes.</summary>
internal enum TreeDifferenceKind
{
    /// <summary>The file exists with other content.</summary>
    Stale,

    /// <summary>The file is generated but not on disk.</summary>
    Missing,

    /// <summary>The file is on disk in a package folder but no longer generated.</summary>
    Extra,
}

/// <summary>One file on disk that differs from what the generator makes.</summary>
/// <param name="Kind">How it differs.</param>
/// <param name="RelativePath">Its path under the output folder, with <c>/</c> separators.</param>
internal sealed record TreeDifference(TreeDifferenceKind Kind, string RelativePath)
{
    /// <summary>The difference as <c>stale: AzureNative/KeyVault/Vault.cs</c>.</summary>
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}: {RelativePath}";
}
