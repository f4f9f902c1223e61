// A configuration that readGatewayConfig refuses (used to test that main.js fails closed).
export default { jwt: { issuer: '', audience: 'aud', jwksUrl: 'http://not-https' }, headers: { schemaVersion: 1 }, routing: {} };
