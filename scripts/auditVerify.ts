import { auditVerify } from './auditVerifyCommand.ts';

const { code, out, err } = await auditVerify(process.argv.slice(2));
process.stdout.write(out);
process.stderr.write(err);
process.exit(code);
