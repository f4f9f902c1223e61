namespace EdgeInfra;

/// <summary>A stack config value is missing or cannot be read as the program asks.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception for <paramref name="fullKey"/> with <paramref name="message"/>.</summary>
    public ConfigException(string fullKey, string message)
        : base(message) => Key = fullKey;

    /// <summary>The full config key, e.g. <c>edge-infra:location</c>.</summary>
    public string Key { get; }
}
