/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    value: ComponentFramework.PropertyTypes.StringProperty;
    table: ComponentFramework.PropertyTypes.StringProperty;
    recipientType: ComponentFramework.PropertyTypes.OptionSetProperty;
    maxLength: ComponentFramework.PropertyTypes.WholeNumberProperty;
}
export interface IOutputs {
    value?: string;
}
