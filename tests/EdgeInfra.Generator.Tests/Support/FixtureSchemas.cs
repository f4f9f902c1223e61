using EdgeInfra.Schemas;

namespace EdgeInfra.Generator.Tests.Support;

/// <summary>Small package schemas written for the tests, each exercising a few shapes of the schema format.</summary>
internal static class FixtureSchemas
{
    /// <summary>
    /// A package with a module <c>widgets</c> and the root module <c>index</c>: a resource with every kind of input
    /// (primitives, object, array and map of objects, string-or-enum, string / integer enums, object union, Any,
    /// secret, required, replace-on-change; properties named <c>inputs</c> / <c>outputs</c> beside the
    /// <c>Inputs</c> / <c>Outputs</c> namespaces), one with assets and no required input, one full of awkward names,
    /// functions with and without inputs, and a provider with a secret input.
    /// </summary>
    public const string Widgets = """
        {
          "name": "fixture",
          "version": "1.2.3",
          "config": { "variables": { "region": { "type": "string" } } },
          "provider": {
            "inputProperties": {
              "apiKey": { "type": "string", "secret": true },
              "region": { "type": "string" }
            }
          },
          "resources": {
            "fixture:widgets:Widget": {
              "inputProperties": {
                "color": { "$ref": "#/types/fixture:widgets:Color" },
                "enabled": { "type": "boolean" },
                "inputs": { "$ref": "#/types/fixture:widgets:Rule" },
                "metadata": { "$ref": "pulumi.json#/Any" },
                "password": { "type": "string", "secret": true },
                "policy": {
                  "oneOf": [
                    { "type": "object", "$ref": "#/types/fixture:widgets:DailyPolicy" },
                    { "type": "object", "$ref": "#/types/fixture:widgets:WeeklyPolicy" }
                  ],
                  "discriminator": {
                    "propertyName": "kind",
                    "mapping": { "Daily": "#/types/fixture:widgets:DailyPolicy", "Weekly": "#/types/fixture:widgets:WeeklyPolicy" }
                  }
                },
                "priority": { "$ref": "#/types/fixture:widgets:Priority" },
                "ratio": { "type": "number" },
                "resourceGroupName": { "type": "string", "willReplaceOnChanges": true },
                "rules": { "type": "array", "items": { "$ref": "#/types/fixture:widgets:Rule" } },
                "rulesByName": { "type": "object", "additionalProperties": { "$ref": "#/types/fixture:widgets:Rule" } },
                "settings": { "type": "object", "$ref": "#/types/fixture:widgets:Settings" },
                "size": { "type": "integer" },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                "tier": { "oneOf": [ { "type": "string" }, { "type": "string", "$ref": "#/types/fixture:widgets:Tier" } ] },
                "tiers": { "type": "array", "items": { "oneOf": [ { "type": "string" }, { "type": "string", "$ref": "#/types/fixture:widgets:Tier" } ] } },
                "widgetName": { "type": "string", "willReplaceOnChanges": true },
                "zones": { "type": "array", "items": { "type": "string" } }
              },
              "requiredInputs": [ "resourceGroupName", "settings" ],
              "properties": {
                "id": { "type": "string" },
                "urn": { "type": "string" },
                "connectionString": { "type": "string", "secret": true },
                "history": { "type": "array", "items": { "$ref": "#/types/fixture:widgets:HistoryEntry" } },
                "metadata": { "$ref": "pulumi.json#/Any" },
                "name": { "type": "string" },
                "outputs": { "$ref": "#/types/fixture:widgets:Rule" },
                "policy": {
                  "oneOf": [
                    { "type": "object", "$ref": "#/types/fixture:widgets:DailyPolicy" },
                    { "type": "object", "$ref": "#/types/fixture:widgets:WeeklyPolicy" }
                  ]
                },
                "priority": { "$ref": "#/types/fixture:widgets:Priority" },
                "rules": { "type": "array", "items": { "$ref": "#/types/fixture:widgets:Rule" } },
                "rulesByName": { "type": "object", "additionalProperties": { "$ref": "#/types/fixture:widgets:Rule" } },
                "settings": { "type": "object", "$ref": "#/types/fixture:widgets:Settings" },
                "size": { "type": "integer" },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                "tier": { "oneOf": [ { "type": "string" }, { "type": "string", "$ref": "#/types/fixture:widgets:Tier" } ] },
                "zones": { "type": "array", "items": { "type": "string" } }
              },
              "required": [ "name", "settings" ]
            },
            "fixture:widgets:Gadget": {
              "inputProperties": {
                "bundle": { "$ref": "pulumi.json#/Archive" },
                "code": { "$ref": "pulumi.json#/Asset" },
                "label": { "type": "string" }
              },
              "properties": {
                "label": { "type": "string" }
              }
            },
            "fixture:index/thing:Thing": {
              "inputProperties": {
                "1st": { "type": "string" },
                "class": { "type": "string" },
                "foo-bar": { "type": "string" },
                "fooBar": { "type": "string" },
                "secret": { "type": "string" },
                "thingArgs": { "type": "string" },
                "value": { "type": "string" }
              },
              "requiredInputs": [ "class" ],
              "properties": {
                "args": { "type": "string" },
                "id": { "type": "string" },
                "options": { "type": "string" },
                "thing": { "type": "string" },
                "typeToken": { "type": "string" },
                "urn": { "type": "string" }
              }
            }
          },
          "functions": {
            "fixture:widgets:getWidget": {
              "inputs": {
                "properties": {
                  "resourceGroupName": { "type": "string" },
                  "widgetName": { "type": "string" }
                },
                "type": "object",
                "required": [ "resourceGroupName" ]
              },
              "outputs": {
                "properties": {
                  "expression": { "type": "string" },
                  "id": { "type": "string" },
                  "rules": { "type": "array", "items": { "$ref": "#/types/fixture:widgets:Rule" } },
                  "settings": { "$ref": "#/types/fixture:widgets:Settings" }
                },
                "type": "object",
                "required": [ "id" ]
              }
            },
            "fixture:index/listWidgets:listWidgets": {
              "outputs": {
                "properties": {
                  "names": { "type": "array", "items": { "type": "string" } }
                },
                "type": "object"
              }
            }
          },
          "types": {
            "fixture:widgets:Color": {
              "type": "string",
              "enum": [ { "value": "red" }, { "value": "green" } ]
            },
            "fixture:widgets:DailyPolicy": {
              "properties": {
                "hour": { "type": "integer" },
                "kind": { "type": "string", "const": "Daily" }
              },
              "type": "object",
              "required": [ "kind" ]
            },
            "fixture:widgets:HistoryEntry": {
              "properties": {
                "at": { "type": "string" },
                "property": { "type": "string" }
              },
              "type": "object"
            },
            "fixture:widgets:Orphan": {
              "properties": { "unused": { "type": "string" } },
              "type": "object"
            },
            "fixture:widgets:Priority": {
              "type": "integer",
              "enum": [ { "name": "Low", "value": 1 }, { "name": "High", "value": 10 } ]
            },
            "fixture:widgets:Retention": {
              "properties": {
                "days": { "type": "integer" },
                "enabled": { "type": "boolean" }
              },
              "type": "object",
              "required": [ "days" ]
            },
            "fixture:widgets:Rule": {
              "properties": {
                "name": { "type": "string" },
                "port": { "type": "integer" }
              },
              "type": "object",
              "required": [ "name" ]
            },
            "fixture:widgets:Settings": {
              "properties": {
                "mode": { "type": "string" },
                "retention": { "$ref": "#/types/fixture:widgets:Retention" },
                "token": { "type": "string", "secret": true }
              },
              "type": "object",
              "required": [ "mode" ]
            },
            "fixture:widgets:Tier": {
              "type": "string",
              "enum": [
                { "name": "Basic", "value": "basic" },
                { "value": "Premium_LRS" },
                { "value": "Equals" },
                { "value": "with space" },
                { "value": "2nd" }
              ]
            },
            "fixture:widgets:WeeklyPolicy": {
              "properties": {
                "day": { "type": "string" },
                "kind": { "type": "string", "const": "Weekly" }
              },
              "type": "object",
              "required": [ "day", "kind" ]
            }
          }
        }
        """;

    /// <summary>The <see cref="Widgets"/> package.</summary>
    public static PackageSchema WidgetsPackage => PackageSchema.Parse(Widgets);

    /// <summary>The generated files of <see cref="Widgets"/>.</summary>
    public static IReadOnlyList<GeneratedFile> WidgetsFiles => Cached.Value;

    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Cached = new(() => BindingsGenerator.Generate(WidgetsPackage));

    /// <summary>The content of the generated file at <paramref name="path"/> of <see cref="Widgets"/>.</summary>
    public static string File(string path) =>
        WidgetsFiles.SingleOrDefault(f => f.RelativePath == path)?.Content
            ?? throw new Xunit.Sdk.XunitException($"no generated file {path}; generated: {string.Join(", ", WidgetsFiles.Select(f => f.RelativePath))}");

    /// <summary>A minimal package of the given JSON for resources and types, named <c>mini</c>.</summary>
    public static PackageSchema Mini(string resources, string types = "{}", string functions = "{}") => PackageSchema.Parse($$"""
        { "name": "mini", "version": "0.1.0", "resources": {{resources}}, "types": {{types}}, "functions": {{functions}} }
        """);
}
