using EdgeInfra.Components.Akamai;

namespace EdgeInfra.Components.Tests.Akamai.RuleTrees;

public sealed class RuleTreeValidationTests
{
    private static RuleTree WithChild(params Behavior[] behaviors) => new(new Rule
    {
        Name = "default",
        Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "origin.example.com" }), Behavior.CpCode(1)],
        Children = [new Rule { Name = "Child", Behaviors = behaviors }],
    });

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_path_value_rule_and_rule_name()
    {
        var tree = new RuleTree(new Rule
        {
            Name = "top",
            Criteria = [Criterion.Path(["/*"])],
            Behaviors = [Behavior.Http2()],
            Variables =
            [
                RuleVariable.Visible("PMUSER_route", "blue"),
                RuleVariable.Visible("PMUSER_A", "1"),
                RuleVariable.Visible("PMUSER_A", "2"),
                new RuleVariable { Name = "PMUSER_TOKEN", Sensitive = true },
            ],
            Children =
            [
                new Rule
                {
                    Name = "Static",
                    Criteria = [Criterion.Path([], matchOperator: "MATCHES")],
                    Behaviors = [Behavior.Caching(new CachingOptions { Behavior = "MAX_AGE" })],
                },
                new Rule
                {
                    Name = "Legacy",
                    Variables = [RuleVariable.Visible("PMUSER_B", "")],
                    IsSecure = false,
                    Behaviors =
                    [
                        Behavior.Origin(new OriginOptions { Hostname = "legacy_origin", HttpsPort = 70000, ForwardHostHeader = "HOST" }),
                        Behavior.ModifyOutgoingRequestHeader(HeaderModification.Add("X Secret", "v")),
                        Behavior.SetVariable("PMUSER_UNDECLARED", "x"),
                        Behavior.Caching(CachingOptions.MaxAge("1 day")),
                    ],
                    Children = [new Rule { Name = " ", Criteria = [Criterion.RequestMethod("DELETE")] }],
                },
            ],
        });

        Assert.Equal(
        [
            "rules.name: 'top' is not the default rule's name: Property Manager names the top rule 'default' (in rule 'top')",
            "rules.criteria: has 1 criteria: the default rule applies to every request and takes none (in rule 'top')",
            "rules.behaviors: has no origin behavior: the default rule must set the origin (in rule 'top')",
            "rules.behaviors: has no cpCode behavior: the default rule must set the cpCode (in rule 'top')",
            "rules.variables[0].name: 'PMUSER_route' is not a variable name: PMUSER_ followed by uppercase letters, digits and underscores, 32 characters at most (in rule 'top')",
            "rules.variables[2].name: 'PMUSER_A' is declared twice: variable names are unique (in rule 'top')",
            "rules.variables[3].hidden: is false for the sensitive variable 'PMUSER_TOKEN': a sensitive variable must also be hidden (in rule 'top')",
            "rules.children[0].criteria[0].options.matchOperator: 'MATCHES' is not an accepted value: one of MATCHES_ONE_OF, DOES_NOT_MATCH_ONE_OF (in rule 'Static')",
            "rules.children[0].criteria[0].options.values: [] is not a list of values: at least one value (in rule 'Static')",
            "rules.children[0].behaviors[0].options.ttl: is missing: caching needs a TTL (digits and a unit, s, m, h or d (e.g. 30s, 10m, 1d)) (in rule 'Static')",
            "rules.children[1].variables: has 1 variables: only the default rule declares variables (in rule 'Legacy')",
            "rules.children[1].options.is_secure: is set: only the default rule says whether the property is secure (in rule 'Legacy')",
            "rules.children[1].behaviors[0].options.forwardHostHeader: 'HOST' is not an accepted value: one of REQUEST_HOST_HEADER, ORIGIN_HOSTNAME, CUSTOM (in rule 'Legacy')",
            "rules.children[1].behaviors[0].options.hostname: 'legacy_origin' is not a hostname: a DNS name of at least two labels, each 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen, 253 characters at most (in rule 'Legacy')",
            "rules.children[1].behaviors[0].options.httpsPort: 70000 is not a port: 1 to 65535 (in rule 'Legacy')",
            "rules.children[1].behaviors[1].options.customHeaderName: 'X Secret' is not a header name: an HTTP token of letters, digits and !#$%&'*+-.^_`|~ (in rule 'Legacy')",
            "rules.children[1].behaviors[2].options.variableName: 'PMUSER_UNDECLARED' is not declared: declare it in the default rule's variables (in rule 'Legacy')",
            "rules.children[1].behaviors[3].options.ttl: '1 day' is not a TTL: digits and a unit, s, m, h or d (e.g. 30s, 10m, 1d) (in rule 'Legacy')",
            "rules.children[1].children[0].name: ' ' is blank: every rule has a name (in rule ' ')",
            "rules.children[1].children[0].criteria[0].options.value: 'DELETE' is not an accepted value: one of GET, POST, HEAD, PUT, PATCH, HTTP_DELETE, OPTIONS (in rule ' ')",
        ], tree.Validate().Select(e => e.ToString()));
    }

    [Fact]
    public void An_invalid_tree_fails_synthesis_with_every_error_named_by_its_path()
    {
        var tree = WithChild(Behavior.GzipResponse("SOMETIMES"), Behavior.DenyAccess("no access"));
        var exception = Assert.Throws<SynthesisException>(tree.ToInput);
        Assert.Equal(
        [
            "rule tree, property 'rules.children[0].behaviors[0].options.behavior': 'SOMETIMES' is not an accepted value: one of ORIGIN_RESPONSE, ALWAYS, NEVER (in rule 'Child')",
            "rule tree, property 'rules.children[0].behaviors[1].options.reason': 'no access' is not a deny reason: 1 to 64 letters, digits, underscores and hyphens (in rule 'Child')",
        ], exception.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("origin_weu")]
    [InlineData("A1")]
    public void Conditional_origin_ids_of_letters_digits_and_underscores_are_accepted(string originId)
    {
        var tree = new RuleTree(new Rule
        {
            Name = "default",
            Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "origin.example.com" }), Behavior.CpCode(1)],
            Children =
            [
                new Rule
                {
                    Name = "Conditional origins",
                    Behaviors = [Behavior.AllowConditionalOrigins()],
                    Children = [new Rule { Name = originId, Criteria = [Criterion.ConditionalOriginId(originId)], Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "o2.example.com" })] }],
                },
            ],
        });
        Assert.Empty(tree.Validate());
    }

    [Theory]
    [InlineData("origin-weu")]
    [InlineData("")]
    [InlineData("origin weu")]
    public void Conditional_origin_ids_with_other_characters_are_rejected(string originId)
    {
        var tree = new RuleTree(new Rule
        {
            Name = "default",
            Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "origin.example.com" }), Behavior.CpCode(1)],
            Children = [new Rule { Name = "Child", Criteria = [Criterion.ConditionalOriginId(originId)] }],
        });
        var error = Assert.Single(tree.Validate());
        Assert.Equal("rules.children[0].criteria[0].options.originId", error.Path);
        Assert.Equal($"'{originId}' is not a conditional origin id: 1 to 64 letters, digits and underscores (in rule 'Child')", error.Message);
    }

    [Fact]
    public void A_purge_query_parameter_with_spaces_is_rejected()
    {
        var error = Assert.Single(WithChild(Behavior.AllowConditionalOrigins("origin id")).Validate());
        Assert.Equal("rules.children[0].behaviors[0].options.purgeOriginQueryParameter", error.Path);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void Ports_out_of_range_are_rejected(int port)
    {
        var error = Assert.Single(WithChild(Behavior.Origin(new OriginOptions { Hostname = "o.example.com", HttpPort = port })).Validate());
        Assert.Equal("rules.children[0].behaviors[0].options.httpPort", error.Path);
        Assert.Equal($"{port} is not a port: 1 to 65535 (in rule 'Child')", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public void Ports_in_range_are_accepted(int port) =>
        Assert.Empty(WithChild(Behavior.Origin(new OriginOptions { Hostname = "o.example.com", HttpsPort = port })).Validate());

    [Theory]
    [InlineData("1d")]
    [InlineData("10m")]
    [InlineData("30s")]
    [InlineData("12h")]
    [InlineData("0s")]
    public void Ttls_with_a_unit_are_accepted(string ttl) =>
        Assert.Empty(WithChild(Behavior.Caching(CachingOptions.MaxAge(ttl))).Validate());

    [Theory]
    [InlineData("1")]
    [InlineData("d")]
    [InlineData("1w")]
    [InlineData("1D")]
    [InlineData("-1d")]
    [InlineData("")]
    public void Ttls_without_digits_and_a_unit_are_rejected(string ttl)
    {
        var error = Assert.Single(WithChild(Behavior.Caching(CachingOptions.MaxAge(ttl))).Validate());
        Assert.Equal("rules.children[0].behaviors[0].options.ttl", error.Path);
        Assert.StartsWith($"'{ttl}' is not a TTL: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PMUSER_")]
    [InlineData("USER_A")]
    [InlineData("PMUSER_a")]
    [InlineData("PMUSER_A-B")]
    [InlineData("PMUSER_ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    public void Variable_names_outside_the_rules_are_rejected(string name)
    {
        var tree = new RuleTree(new Rule
        {
            Name = "default",
            Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "o.example.com" }), Behavior.CpCode(1)],
            Variables = [RuleVariable.Visible(name, "")],
        });
        var error = Assert.Single(tree.Validate());
        Assert.Equal("rules.variables[0].name", error.Path);
    }

    [Theory]
    [InlineData("PMUSER_A")]
    [InlineData("PMUSER_ORIGIN_SECRET_2")]
    [InlineData("PMUSER_ABCDEFGHIJKLMNOPQRSTUVWXY")]
    public void Variable_names_within_the_rules_are_accepted(string name)
    {
        var tree = new RuleTree(new Rule
        {
            Name = "default",
            Behaviors = [Behavior.Origin(new OriginOptions { Hostname = "o.example.com" }), Behavior.CpCode(1), Behavior.SetVariable(name, "{{builtin.AK_HOST}}")],
            Variables = [RuleVariable.Secret(name)],
        });
        Assert.Empty(tree.Validate());
    }

    [Fact]
    public void Secret_variables_are_hidden_and_sensitive()
    {
        var variable = RuleVariable.Secret("PMUSER_TOKEN", "token");
        Assert.True(variable.Hidden);
        Assert.True(variable.Sensitive);
        Assert.Equal(string.Empty, RuleTreeValues(variable.Value));
        Assert.Contains("""
                  {
                    "description": "The per-environment secret the origin checks.",
                    "hidden": true,
                    "name": "PMUSER_ORIGIN_SECRET",
                    "sensitive": true,
                    "value": ""
                  }
            """, RuleTreeFixtures.Full().ToReviewJson(), StringComparison.Ordinal);
    }

    private static object? RuleTreeValues(Input<string> value) =>
        ((EdgeInfra.Expressions.LiteralExpression)value.ToExpression()).Value;

    [Fact]
    public void Custom_behaviors_with_known_names_are_checked_like_typed_ones()
    {
        var error = Assert.Single(WithChild(Behavior.Custom("origin", new Dictionary<string, object?> { ["hostname"] = "o.example.com", ["httpsPort"] = 0 })).Validate());
        Assert.Equal("rules.children[0].behaviors[0].options.httpsPort: 0 is not a port: 1 to 65535 (in rule 'Child')", error.ToString());
    }

    [Fact]
    public void Deploy_time_values_are_left_to_akamai()
    {
        var tree = WithChild(
            Behavior.Origin(new OriginOptions { Hostname = RuleTreeFixtures.Config<string>("originHostname") }),
            Behavior.CpCodeOf(RuleTreeFixtures.Config<string>("cpCodeId")),
            Behavior.EdgeWorker(RuleTreeFixtures.Config<string>("edgeWorkerId")));
        Assert.Empty(tree.Validate());
    }

    [Fact]
    public void Literal_cp_code_ids_must_be_positive_integers()
    {
        var errors = WithChild(Behavior.CpCodeOf("cpc_abc"), Behavior.CpCode(0)).Validate();
        Assert.Equal(
        [
            "rules.children[0].behaviors[0].options.value.id: 'cpc_abc' is not a CP code id: a positive integer, optionally after cpc_ (in rule 'Child')",
            "rules.children[0].behaviors[1].options.value.id: 0 is not a CP code id: a positive integer, optionally after cpc_ (in rule 'Child')",
        ], errors.Select(e => e.ToString()));
    }
}
