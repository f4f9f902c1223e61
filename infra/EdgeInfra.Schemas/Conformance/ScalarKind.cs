namespace EdgeInfra.Schemas;

/// <summary>What a YAML scalar denotes under the YAML 1.2 core schema.</summary>
internal enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
