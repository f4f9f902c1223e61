namespace EdgeInfra.Schemas.Tests;

/// <summary>Small package schemas, written for the tests, covering every shape the conformance check handles.</summary>
internal static class TestSchemas
{
    /// <summary>
    /// Package "test" 1.2.3: a resource with primitives, arrays, maps, nested objects, enums, a string|enum union,
    /// a discriminated union, a const, Any, assets and archives; a second resource; two functions; a provider.
    /// </summary>
    public const string TestPackageJson = """
    {
      "name": "test",
      "version": "1.2.3",
      "config": {
        "variables": {
          "region": { "type": "string" },
          "token": { "type": "string", "secret": true }
        }
      },
      "provider": {
        "inputProperties": {
          "region": { "type": "string" },
          "token": { "type": "string", "secret": true },
          "retries": { "type": "integer" }
        },
        "requiredInputs": ["region"],
        "properties": {
          "region": { "type": "string" }
        }
      },
      "resources": {
        "test:index:Widget": {
          "inputProperties": {
            "name": { "type": "string", "willReplaceOnChanges": true },
            "size": { "type": "integer" },
            "ratio": { "type": "number" },
            "enabled": { "type": "boolean", "default": true },
            "tags": { "type": "object", "additionalProperties": { "type": "string" } },
            "zones": { "type": "array", "items": { "type": "string" } },
            "ports": { "type": "array", "items": { "type": "integer" } },
            "sku": { "$ref": "#/types/test:index:Sku", "type": "object" },
            "mode": { "oneOf": [ { "type": "string" }, { "$ref": "#/types/test:index:Mode" } ] },
            "color": { "$ref": "#/types/test:index:Color" },
            "level": { "$ref": "#/types/test:index:Level" },
            "settings": { "$ref": "pulumi.json#/Any" },
            "document": { "$ref": "pulumi.json#/Json" },
            "policy": {
              "oneOf": [
                { "$ref": "#/types/test:index:DailyPolicy", "type": "object" },
                { "$ref": "#/types/test:index:WeeklyPolicy", "type": "object" }
              ],
              "discriminator": {
                "propertyName": "policyType",
                "mapping": {
                  "Daily": "#/types/test:index:DailyPolicy",
                  "Weekly": "#/types/test:index:WeeklyPolicy"
                }
              }
            },
            "kind": { "type": "string", "const": "fixed" },
            "rules": { "type": "array", "items": { "$ref": "#/types/test:index:Rule" } },
            "labels": { "type": "object", "additionalProperties": { "$ref": "#/types/test:index:Rule" } },
            "timeouts": { "$ref": "#/types/test:index%2FTimeouts:Timeouts" },
            "content": { "$ref": "pulumi.json#/Asset" },
            "bundle": { "$ref": "pulumi.json#/Archive" },
            "password": { "type": "string", "secret": true },
            "freeform": { "type": "object" }
          },
          "requiredInputs": ["name"],
          "properties": {
            "name": { "type": "string" },
            "size": { "type": "integer" },
            "endpoint": { "type": "string" },
            "ratio": { "type": "number" },
            "enabled": { "type": "boolean" },
            "sku": { "$ref": "#/types/test:index:SkuResponse", "type": "object" },
            "ports": { "type": "array", "items": { "type": "integer" } },
            "meta": { "type": "object", "additionalProperties": { "type": "string" } },
            "settings": { "$ref": "pulumi.json#/Any" },
            "mode": { "type": "string" },
            "bundle": { "$ref": "pulumi.json#/Archive" }
          },
          "required": ["name", "endpoint"]
        },
        "test:index:Gadget": {
          "inputProperties": {
            "widgetName": { "type": "string" },
            "count": { "type": "integer" },
            "weight": { "type": "number" },
            "sku": { "$ref": "#/types/test:index:Sku", "type": "object" },
            "zones": { "type": "array", "items": { "type": "string" } },
            "mode": { "$ref": "#/types/test:index:Mode" }
          },
          "properties": {
            "widgetName": { "type": "string" }
          }
        }
      },
      "functions": {
        "test:index:getThing": {
          "inputs": {
            "type": "object",
            "properties": {
              "id": { "type": "string" },
              "depth": { "type": "integer" }
            },
            "required": ["id"]
          },
          "outputs": {
            "type": "object",
            "properties": {
              "value": { "type": "string" },
              "count": { "type": "integer" },
              "sku": { "$ref": "#/types/test:index:SkuResponse", "type": "object" }
            },
            "required": ["value"]
          }
        },
        "test:index:getClientConfig": {
          "outputs": {
            "type": "object",
            "properties": {
              "tenantId": { "type": "string" }
            },
            "required": ["tenantId"]
          }
        }
      },
      "types": {
        "test:index:Sku": {
          "type": "object",
          "properties": {
            "name": { "$ref": "#/types/test:index:SkuName" },
            "capacity": { "type": "integer" },
            "tier": { "type": "string" }
          },
          "required": ["name"]
        },
        "test:index:SkuResponse": {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "capacity": { "type": "integer" },
            "tier": { "type": "string" }
          },
          "required": ["name"]
        },
        "test:index:SkuName": {
          "type": "string",
          "enum": [ { "value": "Basic" }, { "name": "Std", "value": "Standard" } ]
        },
        "test:index:Mode": {
          "type": "string",
          "enum": [ { "value": "Fast" }, { "value": "Slow" } ]
        },
        "test:index:Color": {
          "type": "string",
          "enum": [ { "value": "red" }, { "value": "green", "deprecationMessage": "use red" } ]
        },
        "test:index:Level": {
          "type": "integer",
          "enum": [ { "value": 1 }, { "value": 2 }, { "value": 3 } ]
        },
        "test:index:DailyPolicy": {
          "type": "object",
          "properties": {
            "policyType": { "type": "string", "const": "Daily" },
            "hour": { "type": "integer" }
          },
          "required": ["policyType", "hour"]
        },
        "test:index:WeeklyPolicy": {
          "type": "object",
          "properties": {
            "policyType": { "type": "string", "const": "Weekly" },
            "day": { "type": "string" }
          },
          "required": ["policyType", "day"]
        },
        "test:index:Rule": {
          "type": "object",
          "properties": {
            "port": { "type": "integer" },
            "protocol": { "type": "string" },
            "next": { "$ref": "#/types/test:index:Rule" }
          },
          "required": ["port"]
        },
        "test:index/Timeouts:Timeouts": {
          "type": "object",
          "properties": {
            "create": { "type": "string" }
          }
        }
      }
    }
    """;

    /// <summary>Package "other" 0.1.0: one resource, no functions or types.</summary>
    public const string OtherPackageJson = """
    {
      "name": "other",
      "version": "0.1.0",
      "resources": {
        "other:index:Thing": {
          "inputProperties": { "label": { "type": "string" } },
          "properties": { "label": { "type": "string" } }
        }
      }
    }
    """;

    public static PackageSchema TestPackage { get; } = PackageSchema.Parse(TestPackageJson);

    public static PackageSchema OtherPackage { get; } = PackageSchema.Parse(OtherPackageJson);

    public static SchemaSet Set { get; } = new([TestPackage, OtherPackage]);
}
