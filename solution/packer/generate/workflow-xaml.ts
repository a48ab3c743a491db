/**
 * Classic workflow XAML for the prebuilt processes, in the shape the process designer writes
 * (reference §4.2 and §10.3, from platform exports): conditions are ConditionSequence /
 * EvaluateCondition / ConditionBranch, the SMS is built like a designer "Create record" step
 * (Assign New Entity, SetEntityProperty per column, CreateEntity), the recipient party list comes
 * from a lookup read with TargetType EntityCollection, and the 90-day wait is a ConditionSequence
 * with Wait=True comparing the execution time with created on + an XrmTimeSpan.
 */
import { DeliveryStatus } from '@smsc/core';
import type { ProcessDefinition } from '../../definitions/processes';

const WF = 'Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35';
const activity = (name: string) => `Microsoft.Crm.Workflow.Activities.${name}, Microsoft.Crm.Workflow, ${WF}`;

const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlAttr = (value: string) => xmlText(value).replace(/"/g, '&quot;');
/** A VB string literal inside a parameter array: quotes doubled, commas encoded as the designer does. */
const vbString = (value: string) => `"${value.replace(/"/g, '""').replace(/,/g, '&#44;')}"`;

class Steps {
  private variables: string[] = [];
  private counter = 0;
  constructor(private readonly prefix: string) {}

  variable(type = 'x:Object', defaultXml?: string): string {
    const name = `${this.prefix}_${++this.counter}`;
    this.variables.push(defaultXml ? `<Variable x:TypeArguments="${type}" Name="${name}"><Variable.Default>${defaultXml}</Variable.Default></Variable>` : `<Variable x:TypeArguments="${type}" Name="${name}" />`);
    return name;
  }

  declarations(): string {
    return this.variables.join('\n');
  }
}

const targetType = (type: string | null) =>
  type === null
    ? `<InArgument x:TypeArguments="s:Type"><mxswa:ReferenceLiteral x:TypeArguments="s:Type"><x:Null /></mxswa:ReferenceLiteral></InArgument>`
    : `<InArgument x:TypeArguments="s:Type"><mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="${type}" /></InArgument>`;

function getProperty(entityExpr: string, entityName: string, attribute: string, into: string, type: string | null): string {
  return `<mxswa:GetEntityProperty Attribute="${attribute}" Entity="[${xmlAttr(entityExpr)}]" EntityName="${entityName}" Value="[${into}]"><mxswa:GetEntityProperty.TargetType>${targetType(type)}</mxswa:GetEntityProperty.TargetType></mxswa:GetEntityProperty>`;
}

function expression(operator: string, parameters: string, type: string, result: string): string {
  return `<mxswa:ActivityReference AssemblyQualifiedName="${activity('EvaluateExpression')}" DisplayName="EvaluateExpression"><mxswa:ActivityReference.Arguments><InArgument x:TypeArguments="x:String" x:Key="ExpressionOperator">${operator}</InArgument><InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[New Object() { ${xmlText(parameters)} }]</InArgument><InArgument x:TypeArguments="s:Type" x:Key="TargetType"><mxswa:ReferenceLiteral x:TypeArguments="s:Type" Value="${type}" /></InArgument><OutArgument x:TypeArguments="x:Object" x:Key="Result">[${result}]</OutArgument></mxswa:ActivityReference.Arguments></mxswa:ActivityReference>`;
}

function setProperty(entity: string, attribute: string, value: string, type: string): string {
  return `<mxswa:SetEntityProperty Attribute="${attribute}" Entity="[CreatedEntities(&quot;CreateStep1_localParameter#Temp&quot;)]" EntityName="${entity}" Value="[${value}]"><mxswa:SetEntityProperty.TargetType>${targetType(type)}</mxswa:SetEntityProperty.TargetType></mxswa:SetEntityProperty>`;
}

function condition(operator: string, operand: string, parameters: string, result: string): string {
  return `<mxswa:ActivityReference AssemblyQualifiedName="${activity('EvaluateCondition')}" DisplayName="EvaluateCondition"><mxswa:ActivityReference.Arguments><InArgument x:TypeArguments="mxsq:ConditionOperator" x:Key="ConditionOperator">${operator}</InArgument><InArgument x:TypeArguments="s:Object[]" x:Key="Parameters">[${parameters}]</InArgument><InArgument x:TypeArguments="x:Object" x:Key="Operand">[${operand}]</InArgument><OutArgument x:TypeArguments="x:Boolean" x:Key="Result">[${result}]</OutArgument></mxswa:ActivityReference.Arguments></mxswa:ActivityReference>`;
}

function branch(name: string, conditionVariable: string, then: string): string {
  return `<mxswa:ActivityReference AssemblyQualifiedName="${activity('ConditionBranch')}" DisplayName="${name}"><mxswa:ActivityReference.Arguments><InArgument x:TypeArguments="x:Boolean" x:Key="Condition">[${conditionVariable}]</InArgument></mxswa:ActivityReference.Arguments><mxswa:ActivityReference.Properties><mxswa:ActivityReference x:Key="Then" AssemblyQualifiedName="${activity('Composite')}" DisplayName="${name}"><mxswa:ActivityReference.Properties><sco:Collection x:TypeArguments="Variable" x:Key="Variables" /><sco:Collection x:TypeArguments="Activity" x:Key="Activities">${then}</sco:Collection></mxswa:ActivityReference.Properties></mxswa:ActivityReference><x:Null x:Key="Else" /><x:Null x:Key="Description" /></mxswa:ActivityReference.Properties></mxswa:ActivityReference>`;
}

interface Branch {
  name: string;
  /** Builds the condition activities; returns them and the Boolean variable they set. */
  test: (steps: Steps, conditionVariable: string) => string;
  then: string;
}

function conditionSequence(displayName: string, prefix: string, branches: Branch[], wait: boolean): string {
  const steps = new Steps(prefix);
  const body = branches
    .map((b) => {
      const conditionVariable = `${b.name}_condition`;
      return b.test(steps, conditionVariable) + branch(b.name, conditionVariable, b.then);
    })
    .join('');
  const conditionVariables = branches.map((b) => `<Variable x:TypeArguments="x:Boolean" Default="False" Name="${b.name}_condition" />`).join('');
  return `<mxswa:ActivityReference AssemblyQualifiedName="${activity('ConditionSequence')}" DisplayName="${xmlAttr(displayName)}"><mxswa:ActivityReference.Arguments><InArgument x:TypeArguments="x:Boolean" x:Key="Wait">${wait ? 'True' : 'False'}</InArgument></mxswa:ActivityReference.Arguments><mxswa:ActivityReference.Properties><sco:Collection x:TypeArguments="Variable" x:Key="Variables">${conditionVariables}${steps.declarations()}</sco:Collection><sco:Collection x:TypeArguments="Activity" x:Key="Activities">${body}</sco:Collection><x:Boolean x:Key="ContainsElseBranch">False</x:Boolean></mxswa:ActivityReference.Properties></mxswa:ActivityReference>`;
}

const primary = 'InputEntities("primaryEntity")';

/** The "Create record: SMS" step: recipient party list, regarding, subject, text, type, Queued. */
function createSmsStep(process: ProcessDefinition, recipient: { entityExpr: string; entityName: string; idAttribute: string }, stepNumber: number): string {
  const prefix = `CreateStep${stepNumber}`;
  const steps = new Steps(prefix);
  const parts: string[] = [];
  const temp = `CreatedEntities(&quot;${prefix}_localParameter#Temp&quot;)`;
  parts.push(`<Assign x:TypeArguments="mxs:Entity" To="[${temp}]" Value="[New Entity(&quot;smsc_sms&quot;)]" />`);

  const to = steps.variable();
  const toRead = steps.variable();
  parts.push(getProperty(recipient.entityExpr, recipient.entityName, recipient.idAttribute, toRead, 'mxs:EntityCollection'));
  parts.push(expression('SelectFirstNonNull', toRead, 'mxs:EntityCollection', to));
  parts.push(setProperty('smsc_sms', 'to', to, 'mxs:EntityCollection'));

  const regarding = steps.variable();
  const regardingRead = steps.variable();
  parts.push(getProperty(primary, process.entity, `${process.entity}id`, regardingRead, 'mxs:EntityReference'));
  parts.push(expression('SelectFirstNonNull', regardingRead, 'mxs:EntityReference', regarding));
  parts.push(setProperty('smsc_sms', 'regardingobjectid', regarding, 'mxs:EntityReference'));

  for (const [attribute, value] of [
    ['subject', process.subject.en],
    ['smsc_text', process.text.en],
  ] as const) {
    const v = steps.variable();
    parts.push(expression('CreateCrmType', `Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.String, ${vbString(value)}, "String"`, 'x:String', v));
    parts.push(setProperty('smsc_sms', attribute, v, 'x:String'));
  }
  for (const [attribute, value] of [
    ['smsc_smstype', process.smsType],
    ['smsc_deliverystatus', DeliveryStatus.Queued],
  ] as const) {
    const v = steps.variable();
    parts.push(expression('CreateCrmType', `Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.OptionSetValue, "${value}", "Picklist"`, 'mxs:OptionSetValue', v));
    parts.push(setProperty('smsc_sms', attribute, v, 'mxs:OptionSetValue'));
  }
  parts.push(`<mxswa:CreateEntity EntityId="{x:Null}" DisplayName="${prefix}: ${xmlAttr(process.subject.en)}" Entity="[${temp}]" EntityName="smsc_sms" />`);
  parts.push(`<Assign x:TypeArguments="mxs:Entity" To="[CreatedEntities(&quot;${prefix}_localParameter&quot;)]" Value="[${temp}]" />`);
  parts.push('<Persist />');
  return `<Sequence DisplayName="${prefix}: ${xmlAttr(process.subject.en)}"><Sequence.Variables>${steps.declarations()}</Sequence.Variables>${parts.join('')}</Sequence>`;
}

const notNull = (entityExpr: string, entityName: string, attribute: string) => (steps: Steps, result: string) => {
  const value = steps.variable();
  return getProperty(entityExpr, entityName, attribute, value, null) + condition('NotNull', value, 'New Object() {}', result);
};

/** "Account if the customer is an account, else the contact" (guide, every order/quote/invoice/case process). */
function customerBranches(process: ProcessDefinition & { recipient: { kind: 'customer'; lookup: string } }, firstStep: number): string {
  const lookup = process.recipient.lookup;
  const account = `InputEntities("related_${lookup}#account")`;
  const contact = `InputEntities("related_${lookup}#contact")`;
  return conditionSequence('ConditionStep2: Customer is an account: SMS to the account, else SMS to the contact', 'ConditionStep2', [
    { name: `ConditionBranchStep${firstStep}`, test: notNull(account, 'account', 'accountid'), then: createSmsStep(process, { entityExpr: account, entityName: 'account', idAttribute: 'accountid' }, firstStep + 1) },
    { name: `ConditionBranchStep${firstStep + 2}`, test: notNull(contact, 'contact', 'contactid'), then: createSmsStep(process, { entityExpr: contact, entityName: 'contact', idAttribute: 'contactid' }, firstStep + 3) },
  ], false);
}

function selfStep(process: ProcessDefinition, stepNumber: number): string {
  return createSmsStep(process, { entityExpr: primary, entityName: process.entity, idAttribute: `${process.entity}id` }, stepNumber);
}

function processBody(process: ProcessDefinition): string {
  if (process.inactiveForDays !== undefined) {
    const days = process.inactiveForDays;
    const waitBranch = (steps: Steps, result: string) => {
      const now = steps.variable();
      const createdOn = steps.variable();
      const createdOnValue = steps.variable();
      const span = steps.variable('mxsw:XrmTimeSpan', `<Literal x:TypeArguments="mxsw:XrmTimeSpan"><mxsw:XrmTimeSpan Days="${days}" Hours="0" Minutes="0" Months="0" Years="0" /></Literal>`);
      const dueOn = steps.variable();
      return (
        expression('RetrieveCurrentTime', '', 's:DateTime', now) +
        getProperty(primary, process.entity, 'createdon', createdOn, 's:DateTime') +
        expression('SelectFirstNonNull', createdOn, 's:DateTime', createdOnValue) +
        expression('Add', `${createdOnValue}, ${span}`, 's:DateTime', dueOn) +
        condition('GreaterEqual', now, `New Object() { ${dueOn} }`, result)
      );
    };
    const notModified = (steps: Steps, result: string) => {
      const modifiedOn = steps.variable();
      const createdOn = steps.variable();
      return getProperty(primary, process.entity, 'modifiedon', modifiedOn, null) + getProperty(primary, process.entity, 'createdon', createdOn, 's:DateTime') + condition('Equal', modifiedOn, `New Object() { ${createdOn} }`, result);
    };
    const check = conditionSequence('ConditionStep3: The contact has not been modified', 'ConditionStep3', [{ name: 'ConditionBranchStep4', test: notModified, then: selfStep(process, 5) }], false);
    return conditionSequence(`WaitStep1: Wait ${days} days after the contact was created`, 'WaitStep1', [{ name: 'WaitBranchStep2', test: waitBranch, then: check }], true);
  }
  const recipientSteps = process.recipient.kind === 'customer' ? customerBranches(process as ProcessDefinition & { recipient: { kind: 'customer'; lookup: string } }, 3) : selfStep(process, 3);
  if (process.stateIs) {
    const state = process.stateIs;
    const test = (steps: Steps, result: string) => {
      const value = steps.variable();
      const expected = steps.variable();
      return (
        getProperty(primary, process.entity, 'statecode', value, null) +
        expression('CreateCrmType', `Microsoft.Xrm.Sdk.Workflow.WorkflowPropertyType.OptionSetValue, "${state.value}", "State"`, 'mxs:OptionSetValue', expected) +
        condition('Equal', value, `New Object() { ${expected} }`, result)
      );
    };
    return conditionSequence(`ConditionStep1: Status is ${state.label}`, 'ConditionStep1', [{ name: 'ConditionBranchStep2', test, then: recipientSteps }], false);
  }
  if (process.requires) {
    return conditionSequence(`ConditionStep1: ${process.requires} contains data`, 'ConditionStep1', [{ name: 'ConditionBranchStep2', test: notNull(primary, process.entity, process.requires), then: recipientSteps }], false);
  }
  return recipientSteps;
}

export function workflowClassName(workflowId: string): string {
  return `XrmWorkflow${workflowId.replace(/-/g, '').toLowerCase()}`;
}

export function workflowXaml(process: ProcessDefinition, workflowId: string): string {
  const cls = workflowClassName(workflowId);
  const mscorlib = 'Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089';
  return [
    `<Activity x:Class="${cls}" xmlns="http://schemas.microsoft.com/netfx/2009/xaml/activities" xmlns:mva="clr-namespace:Microsoft.VisualBasic.Activities;assembly=System.Activities, Version=4.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" xmlns:mxs="clr-namespace:Microsoft.Xrm.Sdk;assembly=Microsoft.Xrm.Sdk, ${WF}" xmlns:mxsq="clr-namespace:Microsoft.Xrm.Sdk.Query;assembly=Microsoft.Xrm.Sdk, ${WF}" xmlns:mxsw="clr-namespace:Microsoft.Xrm.Sdk.Workflow;assembly=Microsoft.Xrm.Sdk.Workflow, ${WF}" xmlns:mxswa="clr-namespace:Microsoft.Xrm.Sdk.Workflow.Activities;assembly=Microsoft.Xrm.Sdk.Workflow, ${WF}" xmlns:s="clr-namespace:System;assembly=mscorlib, ${mscorlib}" xmlns:scg="clr-namespace:System.Collections.Generic;assembly=mscorlib, ${mscorlib}" xmlns:sco="clr-namespace:System.Collections.ObjectModel;assembly=mscorlib, ${mscorlib}" xmlns:srs="clr-namespace:System.Runtime.Serialization;assembly=System.Runtime.Serialization, ${mscorlib}" xmlns:this="clr-namespace:" xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml">`,
    '  <x:Members>',
    '    <x:Property Name="InputEntities" Type="InArgument(scg:IDictionary(x:String, mxs:Entity))" />',
    '    <x:Property Name="CreatedEntities" Type="InArgument(scg:IDictionary(x:String, mxs:Entity))" />',
    '  </x:Members>',
    `  <this:${cls}.InputEntities><InArgument x:TypeArguments="scg:IDictionary(x:String, mxs:Entity)" /></this:${cls}.InputEntities>`,
    `  <this:${cls}.CreatedEntities><InArgument x:TypeArguments="scg:IDictionary(x:String, mxs:Entity)" /></this:${cls}.CreatedEntities>`,
    '  <mva:VisualBasic.Settings>Assembly references and imported namespaces for internal implementation</mva:VisualBasic.Settings>',
    `  <mxswa:Workflow>${processBody(process)}</mxswa:Workflow>`,
    '</Activity>',
    '',
  ].join('\n');
}
