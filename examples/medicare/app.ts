import { App } from 'aws-cdk-lib';
import { MedicareStack } from './stack';

const app = new App();
new MedicareStack(app, 'MedicareStack');
app.synth();
