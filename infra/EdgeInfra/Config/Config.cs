using System.Globalization;
using System.Text.Json;
using EdgeInfra.Expressions;

namespace EdgeInfra;

/// <summary>
/// The config of the stack being built, in one namespace: the project's own by default, or a package's
/// (<c>new Config("azure-native")</c>). Values read here shape the graph; given to resources they are stated as
/// references (<c>${key}</c>), and secrets are never read at all: only their presence is checked.
/// </summary>
public sealed class Config
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly DeploymentContext _deployment;

    /// <summary>The config of the project's own namespace.</summary>
    public Config()
        : this(null)
    {
    }

    /// <summary>The config of the namespace <paramref name="name"/>; null for the project's.</summary>
    public Config(string? name)
    {
        _deployment = DeploymentContext.Current
            ?? throw new InvalidOperationException("Config can only be read while a stack is built.");
        Name = name ?? _deployment.ProjectName;
    }

    /// <summary>The namespace.</summary>
    public string Name { get; }

    /// <summary>
    /// The keys the stack sets in this namespace, without the namespace (<c>location</c> for <c>edge-infra:location</c>),
    /// sorted ordinally; secrets included. For reporting keys a program does not know; no key is declared in the program.
    /// </summary>
    public IReadOnlyList<string> Keys =>
        [.. _deployment.Config.Entries.Keys.Where(k => k.StartsWith(Name + ":", StringComparison.Ordinal)).Select(k => k[(Name.Length + 1)..])];

    /// <summary>The string at <paramref name="key"/>; missing is an error.</summary>
    public ConfigValue<string> Require(string key) => Get(key) ?? throw Missing(key);

    /// <summary>The string at <paramref name="key"/>, or null.</summary>
    public ConfigValue<string>? Get(string key) => Read(key, "string", null, text => text);

    /// <summary>The string at <paramref name="key"/>, or <paramref name="defaultValue"/> stated as a literal.</summary>
    public ConfigValue<string> Get(string key, string defaultValue) => Get(key) ?? Default(key, defaultValue);

    /// <summary>
    /// The text at <paramref name="key"/> as the stack holds it (structured values as JSON), or null when unset, for
    /// checking a value before it is read; the key is not declared in the program. A secret is an error.
    /// </summary>
    public string? GetText(string key)
    {
        ValidateKey(key);
        var entry = _deployment.Config.Find(FullKey(key));
        return entry is null ? null
            : entry.IsSecret ? throw new ConfigException(FullKey(key), $"Config '{FullKey(key)}' of stack '{_deployment.StackName}' is a secret: read it with RequireSecret, which keeps it secret.")
            : entry.Value ?? string.Empty;
    }

    /// <summary>The integer at <paramref name="key"/>; missing or not an integer is an error.</summary>
    public ConfigValue<int> RequireInt32(string key) => GetInt32(key) ?? throw Missing(key);

    /// <summary>The integer at <paramref name="key"/>, or null; not an integer is an error.</summary>
    public ConfigValue<int>? GetInt32(string key) => Read(key, "integer", null, text =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(key, text, "an integer"));

    /// <summary>The integer at <paramref name="key"/>, or <paramref name="defaultValue"/> stated as a literal.</summary>
    public ConfigValue<int> GetInt32(string key, int defaultValue) => GetInt32(key) ?? Default(key, defaultValue);

    /// <summary>The boolean at <paramref name="key"/>; missing or not <c>true</c>/<c>false</c> is an error.</summary>
    public ConfigValue<bool> RequireBoolean(string key) => GetBoolean(key) ?? throw Missing(key);

    /// <summary>The boolean at <paramref name="key"/>, or null; not <c>true</c>/<c>false</c> is an error.</summary>
    public ConfigValue<bool>? GetBoolean(string key) => Read(key, "boolean", null, text => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw Invalid(key, text, "true or false"),
    });

    /// <summary>The boolean at <paramref name="key"/>, or <paramref name="defaultValue"/> stated as a literal.</summary>
    public ConfigValue<bool> GetBoolean(string key, bool defaultValue) => GetBoolean(key) ?? Default(key, defaultValue);

    /// <summary>The structured value at <paramref name="key"/>, read from JSON; missing or not of shape <typeparamref name="T"/> is an error.</summary>
    public ConfigValue<T> RequireObject<T>(string key) => GetObject<T>(key) ?? throw Missing(key);

    /// <summary>The structured value at <paramref name="key"/>, or null; not of shape <typeparamref name="T"/> is an error.</summary>
    public ConfigValue<T>? GetObject<T>(string key)
    {
        var itemType = ArrayItemType(typeof(T));
        return Read(key, itemType is null ? "object" : "array", itemType, text =>
        {
            try
            {
                return JsonSerializer.Deserialize<T>(text, JsonOptions) ?? throw Invalid(key, text, $"a JSON {typeof(T).Name}");
            }
            catch (JsonException)
            {
                throw Invalid(key, text, $"a JSON {typeof(T).Name}");
            }
        });
    }

    /// <summary>The secret at <paramref name="key"/> as a reference the engine keeps secret; missing is an error. Its value is never read.</summary>
    public Output<string> RequireSecret(string key) => GetSecret(key) ?? throw Missing(key);

    /// <summary>The secret at <paramref name="key"/> as a reference the engine keeps secret, or null. Its value is never read.</summary>
    public Output<string>? GetSecret(string key)
    {
        ValidateKey(key);
        if (_deployment.Config.Find(FullKey(key)) is null)
        {
            return null;
        }

        var declaration = _deployment.DeclareConfig(ProgramKey(key), "string", null, isSecret: true);
        return new Output<string>(new ConfigReferenceExpression(declaration.Key, PropertyPath.Empty, isSecret: true));
    }

    private ConfigValue<T>? Read<T>(string key, string? type, string? itemType, Func<string, T> parse)
    {
        ValidateKey(key);
        var entry = _deployment.Config.Find(FullKey(key));
        if (entry is null)
        {
            return null;
        }

        if (entry.IsSecret)
        {
            throw new ConfigException(FullKey(key), $"Config '{FullKey(key)}' of stack '{_deployment.StackName}' is a secret: read it with RequireSecret, which keeps it secret.");
        }

        var value = parse(entry.Value ?? string.Empty);
        var declaration = _deployment.DeclareConfig(ProgramKey(key), type, itemType, isSecret: false);
        return new ConfigValue<T>(declaration.Key, value, PropertyPath.Empty, isSet: true);
    }

    private void ValidateKey(string key)
    {
        if (!LogicalNames.IsValid(key))
        {
            throw new ConfigException(FullKey(key), $"Config key '{key}' is not a valid key: {LogicalNames.Rule}.");
        }
    }

    private ConfigValue<T> Default<T>(string key, T value) => new(ProgramKey(key), value, PropertyPath.Empty, isSet: false);

    private string FullKey(string key) => Name + ":" + key;

    private string ProgramKey(string key) => Name == _deployment.ProjectName ? key : Name + ":" + key;

    private ConfigException Missing(string key) => new(
        FullKey(key),
        $"Missing required config '{FullKey(key)}' for stack '{_deployment.StackName}': set it with `pulumi config set {FullKey(key)} <value> --stack {_deployment.StackName}`.");

    private ConfigException Invalid(string key, string text, string expected) => new(
        FullKey(key),
        $"Config '{FullKey(key)}' of stack '{_deployment.StackName}' must be {expected}; got {ConfigException.Quote(text)}.");

    private static string? ArrayItemType(Type type)
    {
        var item = type.IsArray ? type.GetElementType()
            : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) ? type.GetGenericArguments()[0]
            : null;
        return item switch
        {
            null => null,
            _ when item == typeof(string) => "string",
            _ when item == typeof(int) || item == typeof(long) => "integer",
            _ when item == typeof(bool) => "boolean",
            _ => "object",
        };
    }
}
