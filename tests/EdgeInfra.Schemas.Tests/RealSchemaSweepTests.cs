using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeInfra.Schemas.Tests;

/// <summary>
/// Sweeps the real schemas: a program that sets every input of every resource (and provider) to a value built from
/// its schema type, and exports every output, must conform. Programs are written as JSON, which is valid YAML.
/// </summary>
public class RealSchemaSweepTests
{
    private const int MaxDepthForOptionalProperties = 3;

    [Fact]
    public void Every_input_of_every_real_resource_accepts_a_value_of_its_schema_type()
    {
        SchemaSet set = RealSchemas.Set;
        var resources = new JsonObject();
        var outputs = new JsonObject();
        int index = 0;
        foreach (PackageSchema package in set.Packages)
        {
            foreach (ResourceSchema resource in package.Resources.Values.Append(package.Provider))
            {
                string name = $"r{index++}";
                var properties = new JsonObject();
                foreach ((string property, PropertySpec spec) in resource.InputProperties)
                {
                    properties[property] = ValueOf(spec, set, 0);
                }

                resources[name] = new JsonObject
                {
                    ["type"] = resource.Token,
                    ["properties"] = properties,
                    ["options"] = new JsonObject { ["version"] = package.Version },
                };
                foreach (string output in resource.Properties.Keys.Append("id").Append("urn"))
                {
                    outputs[$"{name}_{output}"] = $"${{{name}.{output}}}";
                }
            }
        }

        var program = new JsonObject { ["name"] = "sweep", ["runtime"] = "yaml", ["resources"] = resources, ["outputs"] = outputs };

        IReadOnlyList<ConformanceViolation> violations = ProgramConformance.Check(program.ToJsonString(), set);

        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    [Fact]
    public void Every_real_function_accepts_its_inputs_and_returns_each_output()
    {
        SchemaSet set = RealSchemas.Set;
        var outputs = new JsonObject();
        foreach (FunctionSchema function in set.Packages.SelectMany(package => package.Functions.Values))
        {
            var arguments = new JsonObject();
            foreach ((string input, PropertySpec spec) in function.Inputs?.Properties ?? new Dictionary<string, PropertySpec>())
            {
                arguments[input] = ValueOf(spec, set, 0);
            }

            foreach (string output in function.Outputs?.Properties.Keys ?? Enumerable.Empty<string>())
            {
                outputs[$"{function.Token}/{output}"] = new JsonObject
                {
                    ["fn::invoke"] = new JsonObject
                    {
                        ["function"] = function.Token,
                        ["arguments"] = arguments.DeepClone(),
                        ["return"] = output,
                    },
                };
            }
        }

        var program = new JsonObject { ["name"] = "sweep", ["runtime"] = "yaml", ["outputs"] = outputs };

        IReadOnlyList<ConformanceViolation> violations = ProgramConformance.Check(program.ToJsonString(), set);

        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    [Fact]
    public void Json_written_programs_parse_as_yaml()
    {
        string program = JsonSerializer.Serialize(new { name = "p", runtime = "yaml" });

        Assert.Empty(ProgramConformance.Check(program, RealSchemas.Set));
    }

    /// <summary>A value that fits a property type: all properties near the top, only required ones deeper down.</summary>
    private static JsonNode? ValueOf(PropertySpec spec, SchemaSet set, int depth)
    {
        if (spec.Const is { } constant)
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (spec.OneOf.Count > 0)
        {
            return ValueOf(spec.OneOf[^1], set, depth);
        }

        if (spec.Ref is { } reference)
        {
            return reference.Kind switch
            {
                SchemaReferenceKind.Asset => new JsonObject { ["fn::stringAsset"] = "content" },
                SchemaReferenceKind.Archive => new JsonObject { ["fn::assetArchive"] = new JsonObject() },
                SchemaReferenceKind.Type => set.FindType(reference.Token!) switch
                {
                    EnumTypeSchema enumType => JsonNode.Parse(enumType.Values[0].Value.GetRawText()),
                    ObjectTypeSchema objectType => ObjectOf(objectType, set, depth + 1),
                    _ => throw new InvalidOperationException($"unresolved {reference}"),
                },
                _ => "anything",
            };
        }

        return spec.Type switch
        {
            "string" => "text",
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "array" => new JsonArray(spec.Items is null ? "item" : ValueOf(spec.Items, set, depth + 1)),
            "object" => new JsonObject { ["key"] = spec.AdditionalProperties is null ? "value" : ValueOf(spec.AdditionalProperties, set, depth + 1) },
            _ => "anything",
        };
    }

    private static JsonObject ObjectOf(ObjectTypeSchema type, SchemaSet set, int depth)
    {
        var result = new JsonObject();
        foreach ((string name, PropertySpec property) in type.Properties)
        {
            if (depth <= MaxDepthForOptionalProperties || type.Required.Contains(name))
            {
                result[name] = ValueOf(property, set, depth);
            }
        }

        return result;
    }
}
