namespace EdgeInfra.Schemas.Tests;

public class SchemaReferenceTests
{
    [Theory]
    [InlineData("#/types/azure-native:keyvault:Sku", SchemaReferenceKind.Type, "azure-native:keyvault:Sku")]
    [InlineData("#/types/akamai:index/CpCodeTimeouts:CpCodeTimeouts", SchemaReferenceKind.Type, "akamai:index/CpCodeTimeouts:CpCodeTimeouts")]
    [InlineData("#/types/aws:s3%2Fbucket:Bucket", SchemaReferenceKind.Type, "aws:s3/bucket:Bucket")]
    [InlineData("/aws/v6.0.0/schema.json#/types/aws:index%2FRegion:Region", SchemaReferenceKind.Type, "aws:index/Region:Region")]
    [InlineData("#/resources/random:index%2FrandomId:RandomId", SchemaReferenceKind.Resource, "random:index/randomId:RandomId")]
    [InlineData("#/provider", SchemaReferenceKind.Provider, null)]
    [InlineData("pulumi.json#/Any", SchemaReferenceKind.Any, null)]
    [InlineData("pulumi.json#/Json", SchemaReferenceKind.Json, null)]
    [InlineData("pulumi.json#/Asset", SchemaReferenceKind.Asset, null)]
    [InlineData("pulumi.json#/Archive", SchemaReferenceKind.Archive, null)]
    public void Parses_every_reference_form(string raw, SchemaReferenceKind kind, string? token)
    {
        SchemaReference reference = SchemaReference.Parse(raw);

        Assert.Equal(kind, reference.Kind);
        Assert.Equal(token, reference.Token);
        Assert.Equal(raw, reference.Raw);
    }

    [Theory]
    [InlineData("types/x")]
    [InlineData("pulumi.json#/Nothing")]
    [InlineData("#/functions/x")]
    public void Rejects_unsupported_references(string raw)
    {
        Assert.Throws<FormatException>(() => SchemaReference.Parse(raw));
    }
}
