// Generated from config.json by the bundler: EdgeWorkers can only import JavaScript modules.
// Do not edit by hand; test/config.test.js checks that it matches config.json.
export default {
  "headers": {
    "schemaVersion": 2
  },
  "jwt": {
    "algorithms": [
      "RS256"
    ],
    "audience": "api://edge-gateway",
    "clockSkewSeconds": 60,
    "issuer": "https://login.example.com/edge-sample/v2.0",
    "jwksCacheSeconds": 300,
    "jwksUrl": "https://auth.example.com/.well-known/jwks.json"
  },
  "originAuth": {
    "headerName": "X-Origin-Auth"
  },
  "routes": [
    {
      "pathPrefix": "/reports",
      "roles": [
        "Reports.Admin",
        "Reports.Reader"
      ],
      "scopes": [
        "reports.read"
      ]
    }
  ],
  "routing": {
    "defaultOriginGroup": "primary",
    "geoRules": [
      {
        "countries": [
          "DE",
          "FR",
          "NL"
        ],
        "originGroup": "eu"
      }
    ],
    "originGroups": {
      "eu": {
        "originId": "origin-eu"
      },
      "primary": {
        "originId": "origin-primary"
      },
      "reports": {
        "originId": "origin-reports"
      }
    },
    "pathRules": [
      {
        "originGroup": "reports",
        "pathPrefix": "/reports"
      }
    ],
    "variableName": "PMUSER_ORIGIN_GROUP"
  }
};
