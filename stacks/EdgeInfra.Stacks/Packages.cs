using EdgeInfra;

// The provider packages this program deploys with, pinned. Pulumi installs exactly these versions.
[assembly: PulumiPackage("azure-native", "3.28.0")]
[assembly: PulumiPackage("akamai", "11.4.0")]
[assembly: PulumiPackage("random", "4.21.1")]
