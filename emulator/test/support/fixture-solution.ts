/**
 * A solution zip written in the test, per the solution reference (customizations.xml with a
 * custom activity, a custom table, columns on a standard table, global and local choices,
 * relationships, a webhook endpoint and an async Create step; customapis/ with a global and an
 * entity-bound Custom API; an environment variable). Also extra sections that real exports
 * carry (Roles, forms) that the emulator must tolerate.
 */
import { strToU8, zipSync } from 'fflate';

export const ENDPOINT_ID = '3f1c7a52-2b8e-4c1e-9a4e-0a1b2c3d4e5f';
export const STEP_ID = '8d2e4b61-7c3f-4a9e-b1d2-e3f405162738';
export const CREATE_MESSAGE = '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8';

const labels = (en: string, fr: string) => `<displaynames><displayname description="${en}" languagecode="1033" /><displayname description="${fr}" languagecode="1036" /></displaynames>`;

function attribute(physical: string, type: string, extra: string, en: string, fr: string, displayMask = 'ValidForAdvancedFind|ValidForForm|ValidForGrid'): string {
  return `<attribute PhysicalName="${physical}"><Type>${type}</Type><Name>${physical.toLowerCase()}</Name><LogicalName>${physical.toLowerCase()}</LogicalName><RequiredLevel>none</RequiredLevel><DisplayMask>${displayMask}</DisplayMask><IsCustomField>1</IsCustomField>${extra}${labels(en, fr)}</attribute>`;
}

const option = (value: number, en: string, fr: string) => `<option value="${value}"><labels><label description="${en}" languagecode="1033" /><label description="${fr}" languagecode="1036" /></labels></option>`;

export function customizationsXml(endpointUrl: string): string {
  const sms = `<Entity><Name LocalizedName="SMS" OriginalName="SMS">smsc_sms</Name><EntityInfo><entity Name="smsc_sms">
    <LocalizedNames><LocalizedName description="SMS" languagecode="1033" /></LocalizedNames>
    <LocalizedCollectionNames><LocalizedCollectionName description="SMS" languagecode="1033" /></LocalizedCollectionNames>
    <attributes>
      ${attribute('Subject', 'nvarchar', '<MaxLength>400</MaxLength>', 'Subject', 'Objet', 'PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm')}
      ${attribute('smsc_PhoneNumber', 'nvarchar', '<Format>phone</Format><MaxLength>20</MaxLength>', 'Phone number', 'Numéro de téléphone')}
      ${attribute('smsc_Text', 'ntext', '<MaxLength>2000</MaxLength>', 'Text', 'Texte')}
      ${attribute('smsc_SmsType', 'picklist', '<AppDefaultValue>-1</AppDefaultValue><OptionSetName>smsc_smstype</OptionSetName>', 'SMS type', 'Type de SMS')}
      ${attribute('smsc_DeliveryStatus', 'picklist', `<AppDefaultValue>271300000</AppDefaultValue><optionset Name="smsc_sms_smsc_deliverystatus"><OptionSetType>picklist</OptionSetType><options>${option(271300000, 'Draft', 'Brouillon')}${option(271300001, 'Queued', 'En file')}${option(271300004, 'Delivered', 'Remis')}</options></optionset>`, 'Delivery status', 'Statut de remise')}
      ${attribute('smsc_Segments', 'int', '<MinValue>0</MinValue><MaxValue>100</MaxValue>', 'Segments', 'Segments')}
      ${attribute('smsc_Cost', 'decimal', '<Accuracy>4</Accuracy>', 'Cost', 'Coût')}
      ${attribute('smsc_TemplateId', 'lookup', '<LookupStyle>single</LookupStyle><LookupTypes />', 'Template', 'Modèle')}
      ${attribute('To', 'partylist', '<LookupStyle>multi</LookupStyle>', 'To', 'À')}
      ${attribute('RegardingObjectId', 'lookup', '<LookupStyle>single</LookupStyle>', 'Regarding', 'Concernant')}
    </attributes>
    <EntitySetName>smsc_smses</EntitySetName><OwnershipTypeMask>UserOwned</OwnershipTypeMask><IsActivity>1</IsActivity><ActivityTypeMask>CommunicationActivity</ActivityTypeMask><IsActivityParty>0</IsActivityParty>
  </entity></EntityInfo><FormXml><forms type="main"><systemform><formid>{11111111-2222-3333-4444-555555555555}</formid></systemform></forms></FormXml><SavedQueries /><RibbonDiffXml /></Entity>`;
  const template = `<Entity><Name LocalizedName="SMS template" OriginalName="SMS template">smsc_smstemplate</Name><EntityInfo><entity Name="smsc_smstemplate">
    <LocalizedNames><LocalizedName description="SMS template" languagecode="1033" /><LocalizedName description="Modèle de SMS" languagecode="1036" /></LocalizedNames>
    <LocalizedCollectionNames><LocalizedCollectionName description="SMS templates" languagecode="1033" /></LocalizedCollectionNames>
    <attributes>
      ${attribute('smsc_smstemplateId', 'primarykey', '', 'SMS template', 'Modèle de SMS')}
      ${attribute('smsc_Name', 'nvarchar', '<MaxLength>100</MaxLength>', 'Name', 'Nom', 'PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid')}
      ${attribute('smsc_Status', 'picklist', `<AppDefaultValue>271300000</AppDefaultValue><optionset Name="smsc_smstemplate_smsc_status"><OptionSetType>picklist</OptionSetType><options>${option(271300000, 'Draft', 'Brouillon')}${option(271300001, 'Published', 'Publié')}</options></optionset>`, 'Status', 'Statut')}
      ${attribute('smsc_Entity', 'nvarchar', '<MaxLength>100</MaxLength>', 'Table', 'Table')}
      ${attribute('smsc_Text', 'ntext', '<MaxLength>2000</MaxLength>', 'Text', 'Texte')}
      ${attribute('smsc_PhoneNumber', 'nvarchar', '<MaxLength>20</MaxLength>', 'Phone', 'Téléphone')}
    </attributes>
    <EntitySetName>smsc_smstemplates</EntitySetName><OwnershipTypeMask>UserOwned</OwnershipTypeMask><IsActivity>0</IsActivity>
    <EntityKeys><EntityKey><LogicalName>smsc_name_key</LogicalName><EntityKeyAttributes><AttributeName>smsc_name</AttributeName></EntityKeyAttributes></EntityKey></EntityKeys>
  </entity></EntityInfo></Entity>`;
  const campaign = `<Entity><Name LocalizedName="Campaign" OriginalName="">Campaign</Name><EntityInfo><entity Name="Campaign"><attributes>
      ${attribute('smsc_Status', 'picklist', `<optionset Name="campaign_smsc_status"><OptionSetType>picklist</OptionSetType><options>${option(271300000, 'Not transmitted', 'Non transmise')}${option(271300003, 'Sent', 'Envoyée')}</options></optionset>`, 'SMS status', 'Statut SMS')}
      ${attribute('smsc_RecipientCount', 'int', '', 'Recipients', 'Destinataires')}
    </attributes></entity></EntityInfo></Entity>`;
  return `<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Entities>${sms}${template}${campaign}</Entities>
  <Roles><Role id="{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}" name="SMS User"><RolePrivileges><RolePrivilege name="prvReadsmsc_sms" level="Basic" /></RolePrivileges></Role></Roles>
  <Workflows /><FieldSecurityProfiles /><Templates /><EntityMaps />
  <EntityRelationships>
    <EntityRelationship Name="smsc_smstemplate_smsc_sms_templateid"><EntityRelationshipType>OneToMany</EntityRelationshipType><ReferencingEntityName>smsc_sms</ReferencingEntityName><ReferencedEntityName>smsc_smstemplate</ReferencedEntityName><ReferencingAttributeName>smsc_TemplateId</ReferencingAttributeName>
      <EntityRelationshipRoles><EntityRelationshipRole><NavigationPropertyName>smsc_TemplateId</NavigationPropertyName><RelationshipRoleType>1</RelationshipRoleType></EntityRelationshipRole><EntityRelationshipRole><NavigationPropertyName>smsc_smstemplate_smsc_sms_templateid</NavigationPropertyName><RelationshipRoleType>0</RelationshipRoleType></EntityRelationshipRole></EntityRelationshipRoles></EntityRelationship>
    <EntityRelationship Name="contact_smsc_smses"><EntityRelationshipType>OneToMany</EntityRelationshipType><ReferencingEntityName>smsc_sms</ReferencingEntityName><ReferencedEntityName>Contact</ReferencedEntityName><ReferencingAttributeName>RegardingObjectId</ReferencingAttributeName></EntityRelationship>
  </EntityRelationships>
  <OrganizationSettings />
  <optionsets><optionset Name="smsc_smstype"><OptionSetType>picklist</OptionSetType><IsGlobal>1</IsGlobal>${labels('SMS type', 'Type de SMS')}<options>${option(271300000, 'Marketing', 'Marketing')}${option(271300001, 'Transactional', 'Transactionnel')}</options></optionset></optionsets>
  <CustomControls />
  <SdkMessageProcessingSteps>
    <SdkMessageProcessingStep Name="smsc_SmsConnectorBackend: Create of smsc_sms" SdkMessageProcessingStepId="{${STEP_ID}}">
      <SdkMessageId>${CREATE_MESSAGE}</SdkMessageId>
      <PluginTypeName>Microsoft.Crm.ServiceBus.WebhookPlugin, Microsoft.Crm.ServiceBus, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35</PluginTypeName>
      <PluginTypeId>fe4f0cdb-b254-4fa1-84f6-d58d0759b8b3</PluginTypeId>
      <PrimaryEntity>smsc_sms</PrimaryEntity><AsyncAutoDelete>0</AsyncAutoDelete><FilteringAttributes></FilteringAttributes><InvocationSource>1</InvocationSource><Mode>1</Mode><Rank>1</Rank>
      <EventHandler>{${ENDPOINT_ID}}</EventHandler><EventHandlerTypeCode>4618</EventHandlerTypeCode><Stage>40</Stage><IsCustomizable>1</IsCustomizable><IsHidden>0</IsHidden><SupportedDeployment>0</SupportedDeployment><IntroducedVersion>1.0</IntroducedVersion>
      <SdkMessageProcessingStepImages><SdkMessageProcessingStepImage Name="PostImage"><EntityAlias>PostImage</EntityAlias><ImageType>1</ImageType><MessagePropertyName>Id</MessagePropertyName><Attributes>smsc_phonenumber,smsc_deliverystatus</Attributes></SdkMessageProcessingStepImage></SdkMessageProcessingStepImages>
    </SdkMessageProcessingStep>
  </SdkMessageProcessingSteps>
  <ServiceEndpoints>
    <ServiceEndpoint ServiceEndpointId="{${ENDPOINT_ID}}" Name="smsc_SmsConnectorBackend"><ConnectionMode>1</ConnectionMode><Contract>8</Contract><Path></Path><SolutionNamespace></SolutionNamespace><UserClaim>1</UserClaim><IsCustomizable>1</IsCustomizable><AuthType>4</AuthType><MessageFormat>2</MessageFormat><NamespaceFormat>1</NamespaceFormat><Url>${endpointUrl}</Url></ServiceEndpoint>
  </ServiceEndpoints>
  <Languages><Language>1033</Language></Languages>
</ImportExportXml>`;
}

const SOLUTION_XML = `<ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><SolutionManifest><UniqueName>SmsConnector</UniqueName><LocalizedNames><LocalizedName description="SMS Connector" languagecode="1033" /></LocalizedNames><Descriptions /><Version>1.0.0.0</Version><Managed>1</Managed><Publisher><UniqueName>smsconnector</UniqueName><LocalizedNames><LocalizedName description="SMS Connector" languagecode="1033" /></LocalizedNames><CustomizationPrefix>smsc</CustomizationPrefix><CustomizationOptionValuePrefix>27130</CustomizationOptionValuePrefix></Publisher><RootComponents><RootComponent type="1" schemaName="smsc_sms" behavior="0" /></RootComponents><MissingDependencies /></SolutionManifest></ImportExportXml>`;

function customApi(name: string, binding: number, bound: string, parameters: Array<[string, number, boolean, string?]>, responses: Array<[string, number]>): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  files[`customapis/${name}/customapi.xml`] = strToU8(
    `<customapi uniquename="${name}"><allowedcustomprocessingsteptype>2</allowedcustomprocessingsteptype><bindingtype>${binding}</bindingtype><boundentitylogicalname>${bound}</boundentitylogicalname><description default="${name}"><label description="${name}" languagecode="1033" /></description><displayname default="${name}"><label description="${name}" languagecode="1033" /></displayname><executeprivilegename /><iscustomizable>0</iscustomizable><isfunction>0</isfunction><isprivate>0</isprivate><name>${name}</name><plugintypeid /><workflowsdkstepenabled>0</workflowsdkstepenabled></customapi>`,
  );
  for (const [p, type, optional, entity] of parameters) {
    files[`customapis/${name}/customapirequestparameters/${p}/customapirequestparameter.xml`] = strToU8(
      `<customapirequestparameter uniquename="${p}"><description default="${p}"><label description="${p}" languagecode="1033" /></description><displayname default="${p}"><label description="${p}" languagecode="1033" /></displayname><iscustomizable>0</iscustomizable><isoptional>${optional ? 1 : 0}</isoptional><logicalentityname>${entity ?? ''}</logicalentityname><name>${name}.${p}</name><type>${type}</type></customapirequestparameter>`,
    );
  }
  for (const [p, type] of responses) {
    files[`customapis/${name}/customapiresponseproperties/${p}/customapiresponseproperty.xml`] = strToU8(`<customapiresponseproperty uniquename="${p}"><displayname default="${p}"><label description="${p}" languagecode="1033" /></displayname><iscustomizable>0</iscustomizable><logicalentityname /><name>${name}.${p}</name><type>${type}</type></customapiresponseproperty>`);
  }
  return files;
}

export function fixtureSolutionZip(endpointUrl: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /></Types>'),
    'solution.xml': strToU8(SOLUTION_XML),
    'customizations.xml': strToU8(customizationsXml(endpointUrl)),
    ...customApi('smsc_SendSmsToRecipient', 0, '', [['Contact', 5, true, 'contact'], ['Text', 10, true], ['SmsType', 7, true], ['DueDate', 1, true]], []),
    ...customApi('smsc_SendSms', 1, 'smsc_sms', [], [['Queued', 0]]),
    'environmentvariabledefinitions/smsc_BackendUrl/environmentvariabledefinition.xml': strToU8('<environmentvariabledefinition schemaname="smsc_BackendUrl"><defaultvalue>http://localhost:7071</defaultvalue><displayname default="Backend URL"><label description="Backend URL" languagecode="1033" /></displayname><introducedversion>1.0.0.0</introducedversion><iscustomizable>1</iscustomizable><isrequired>0</isrequired><secretstore>0</secretstore><type>100000000</type></environmentvariabledefinition>'),
  });
}
