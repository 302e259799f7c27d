// @apollo/gateway's telemetry probes the Google Cloud metadata server at start-up; LEA networks are
// closed and the probe only produces warnings, so it is off unless explicitly asked for.
process.env.METADATA_SERVER_DETECTION ??= 'none';
