using System.Text.Json;

namespace EdgeInfra.Schemas;

/// <summary>Reads the JSON of a Pulumi package schema into a <see cref="PackageSchema"/>.</summary>
internal static class PackageSchemaReader
{
    private static readonly IReadOnlyDictionary<string, PropertySpec> NoProperties = new Dictionary<string, PropertySpec>();

    public static PackageSchema Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return ReadPackage(document.RootElement);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{source}: invalid JSON: {exception.Message}", exception);
        }
        catch (FormatException exception)
        {
            throw new InvalidDataException($"{source}: {exception.Message}", exception);
        }
    }

    private static PackageSchema ReadPackage(JsonElement root)
    {
        RequireKind(root, JsonValueKind.Object, "the document");
        string name = GetString(root, "name", "the document") ?? throw new FormatException("the package schema has no \"name\"");
        string? version = GetString(root, "version", "the document");

        IReadOnlyDictionary<string, PropertySpec> config = NoProperties;
        if (TryGetObject(root, "config", "the document", out JsonElement configElement))
        {
            config = ReadProperties(configElement, "variables", "config");
        }

        ResourceSchema provider = TryGetObject(root, "provider", "the document", out JsonElement providerElement)
            ? ReadResource(PackageSchema.ProviderTokenPrefix + name, providerElement, "provider")
            : new ResourceSchema(PackageSchema.ProviderTokenPrefix + name, NoProperties, [], NoProperties, []);

        var resources = new Dictionary<string, ResourceSchema>(StringComparer.Ordinal);
        if (TryGetObject(root, "resources", "the document", out JsonElement resourcesElement))
        {
            foreach (JsonProperty resource in resourcesElement.EnumerateObject())
            {
                string path = $"resources[\"{resource.Name}\"]";
                RequireKind(resource.Value, JsonValueKind.Object, path);
                resources[resource.Name] = ReadResource(resource.Name, resource.Value, path);
            }
        }

        var functions = new Dictionary<string, FunctionSchema>(StringComparer.Ordinal);
        if (TryGetObject(root, "functions", "the document", out JsonElement functionsElement))
        {
            foreach (JsonProperty function in functionsElement.EnumerateObject())
            {
                string path = $"functions[\"{function.Name}\"]";
                RequireKind(function.Value, JsonValueKind.Object, path);
                functions[function.Name] = ReadFunction(function.Name, function.Value, path);
            }
        }

        var types = new Dictionary<string, TypeSchema>(StringComparer.Ordinal);
        if (TryGetObject(root, "types", "the document", out JsonElement typesElement))
        {
            foreach (JsonProperty type in typesElement.EnumerateObject())
            {
                string path = $"types[\"{type.Name}\"]";
                RequireKind(type.Value, JsonValueKind.Object, path);
                types[type.Name] = ReadType(type.Name, type.Value, path);
            }
        }

        return new PackageSchema(name, version, config, provider, resources, functions, types);
    }

    private static ResourceSchema ReadResource(string token, JsonElement element, string path)
    {
        return new ResourceSchema(
            token,
            ReadProperties(element, "inputProperties", path),
            ReadStringList(element, "requiredInputs", path),
            ReadProperties(element, "properties", path),
            ReadStringList(element, "required", path))
        {
            IsComponent = GetBoolean(element, "isComponent", path),
            DeprecationMessage = GetString(element, "deprecationMessage", path),
        };
    }

    private static FunctionSchema ReadFunction(string token, JsonElement element, string path)
    {
        ObjectTypeSchema? inputs = TryGetObject(element, "inputs", path, out JsonElement inputsElement)
            ? ReadObjectType(token, inputsElement, path + ".inputs")
            : null;
        ObjectTypeSchema? outputs = TryGetObject(element, "outputs", path, out JsonElement outputsElement)
            ? ReadObjectType(token, outputsElement, path + ".outputs")
            : null;
        return new FunctionSchema(token, inputs, outputs)
        {
            DeprecationMessage = GetString(element, "deprecationMessage", path),
        };
    }

    private static TypeSchema ReadType(string token, JsonElement element, string path)
    {
        if (element.TryGetProperty("enum", out JsonElement enumElement))
        {
            RequireKind(enumElement, JsonValueKind.Array, path + ".enum");
            var values = new List<EnumValueSpec>();
            int index = 0;
            foreach (JsonElement value in enumElement.EnumerateArray())
            {
                string valuePath = $"{path}.enum[{index++}]";
                RequireKind(value, JsonValueKind.Object, valuePath);
                if (!value.TryGetProperty("value", out JsonElement literal))
                {
                    throw new FormatException($"{valuePath} has no \"value\"");
                }

                values.Add(new EnumValueSpec(GetString(value, "name", valuePath), literal.Clone(), GetString(value, "deprecationMessage", valuePath)));
            }

            string underlying = GetString(element, "type", path) ?? "string";
            return new EnumTypeSchema(token, underlying, values);
        }

        return ReadObjectType(token, element, path);
    }

    private static ObjectTypeSchema ReadObjectType(string token, JsonElement element, string path)
    {
        return new ObjectTypeSchema(token, ReadProperties(element, "properties", path), ReadStringList(element, "required", path));
    }

    private static Dictionary<string, PropertySpec> ReadProperties(JsonElement owner, string key, string path)
    {
        var properties = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        if (TryGetObject(owner, key, path, out JsonElement element))
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                properties[property.Name] = ReadSpec(property.Value, $"{path}.{key}.{property.Name}");
            }
        }

        return properties;
    }

    private static PropertySpec ReadSpec(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Object, path);
        string? reference = GetString(element, "$ref", path);
        return new PropertySpec
        {
            Type = GetString(element, "type", path),
            Items = TryGetObject(element, "items", path, out JsonElement items) ? ReadSpec(items, path + ".items") : null,
            AdditionalProperties = element.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.Object
                ? ReadSpec(additional, path + ".additionalProperties")
                : null,
            Ref = reference is null ? null : ParseReference(reference, path),
            OneOf = ReadOneOf(element, path),
            Discriminator = TryGetObject(element, "discriminator", path, out JsonElement discriminator) ? ReadDiscriminator(discriminator, path + ".discriminator") : null,
            Secret = GetBoolean(element, "secret", path),
            WillReplaceOnChanges = GetBoolean(element, "willReplaceOnChanges", path),
            Const = element.TryGetProperty("const", out JsonElement constant) ? constant.Clone() : null,
            Default = element.TryGetProperty("default", out JsonElement defaultValue) ? defaultValue.Clone() : null,
            DeprecationMessage = GetString(element, "deprecationMessage", path),
        };
    }

    private static List<PropertySpec> ReadOneOf(JsonElement element, string path)
    {
        var alternatives = new List<PropertySpec>();
        if (element.TryGetProperty("oneOf", out JsonElement oneOf))
        {
            RequireKind(oneOf, JsonValueKind.Array, path + ".oneOf");
            int index = 0;
            foreach (JsonElement alternative in oneOf.EnumerateArray())
            {
                alternatives.Add(ReadSpec(alternative, $"{path}.oneOf[{index++}]"));
            }
        }

        return alternatives;
    }

    private static DiscriminatorSpec ReadDiscriminator(JsonElement element, string path)
    {
        string propertyName = GetString(element, "propertyName", path) ?? throw new FormatException($"{path} has no \"propertyName\"");
        var mapping = new Dictionary<string, SchemaReference>(StringComparer.Ordinal);
        if (TryGetObject(element, "mapping", path, out JsonElement mappingElement))
        {
            foreach (JsonProperty entry in mappingElement.EnumerateObject())
            {
                RequireKind(entry.Value, JsonValueKind.String, $"{path}.mapping.{entry.Name}");
                mapping[entry.Name] = ParseReference(entry.Value.GetString()!, $"{path}.mapping.{entry.Name}");
            }
        }

        return new DiscriminatorSpec(propertyName, mapping);
    }

    private static SchemaReference ParseReference(string reference, string path)
    {
        try
        {
            return SchemaReference.Parse(reference);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"{path}: {exception.Message}", exception);
        }
    }

    private static List<string> ReadStringList(JsonElement owner, string key, string path)
    {
        var values = new List<string>();
        if (owner.TryGetProperty(key, out JsonElement element) && element.ValueKind != JsonValueKind.Null)
        {
            RequireKind(element, JsonValueKind.Array, $"{path}.{key}");
            foreach (JsonElement value in element.EnumerateArray())
            {
                RequireKind(value, JsonValueKind.String, $"{path}.{key}[]");
                values.Add(value.GetString()!);
            }
        }

        return values;
    }

    private static bool TryGetObject(JsonElement owner, string key, string path, out JsonElement element)
    {
        if (owner.TryGetProperty(key, out element) && element.ValueKind != JsonValueKind.Null)
        {
            RequireKind(element, JsonValueKind.Object, $"{path}.{key}");
            return true;
        }

        return false;
    }

    private static string? GetString(JsonElement owner, string key, string path)
    {
        if (!owner.TryGetProperty(key, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(element, JsonValueKind.String, $"{path}.{key}");
        return element.GetString();
    }

    private static bool GetBoolean(JsonElement owner, string key, string path)
    {
        if (!owner.TryGetProperty(key, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException($"{path}.{key} must be a boolean, not {element.ValueKind}");
        }

        return element.GetBoolean();
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw new FormatException($"{path} must be a JSON {kind}, not {element.ValueKind}");
        }
    }
}
